// gettoken, JS-SDK tickets, OAuth userinfo and the mini-program's jscode2session.
import { randomBytes } from 'node:crypto';
import { fault } from '../errors.js';
import { TOKEN_TTL_SECONDS, type StandInState } from '../state.js';
import type { ApiRoute } from './types.js';

/** A new JS-SDK ticket, remembered so the stand-in bridge can check signatures made with it. */
function issueTicket(state: StandInState, corpId: string, agentId?: number) {
  const value = `${agentId === undefined ? 'corp' : 'agent'}_${randomBytes(16).toString('hex')}`;
  state.jsapiTickets.set(value, { corpId, agentId, expiresAt: state.now() + 7200_000 });
  return { ticket: value, expires_in: 7200 };
}

export const authRoutes: Record<string, ApiRoute> = {
  'GET /cgi-bin/gettoken': {
    authenticated: false,
    handler: ({ state, query }) => {
      const corp = state.corp(query.get('corpid') ?? '');
      if (!corp) throw fault(40013, 'invalid corpid');
      const app = corp.apps.find((a) => a.secret === query.get('corpsecret'));
      if (!app) throw fault(40001, 'invalid credential, access_token is invalid or not latest');
      const token = state.id('tok_', 24);
      state.tokens.set(token, {
        corpId: corp.corpId,
        agentId: app.agentId,
        expiresAt: state.now() + TOKEN_TTL_SECONDS * 1000,
      });
      return { access_token: token, expires_in: TOKEN_TTL_SECONDS };
    },
  },
  'GET /cgi-bin/get_jsapi_ticket': { handler: ({ state, corpId }) => issueTicket(state, corpId) },
  'GET /cgi-bin/ticket/get': {
    handler: ({ state, corpId, agentId, query }) => {
      if (query.get('type') !== 'agent_config') throw fault(40004, 'invalid type');
      return issueTicket(state, corpId, agentId);
    },
  },
  'GET /cgi-bin/auth/getuserinfo': {
    handler: ({ state, corpId, query }) => {
      const code = state.oauthCodes.get(query.get('code') ?? '');
      if (!code || code.used || code.corpId !== corpId || code.expiresAt < state.now())
        throw fault(40029, 'invalid code');
      code.used = true;
      return { userid: code.userid };
    },
  },
  'GET /sns/jscode2session': {
    authenticated: false,
    handler: ({ state, query }) => {
      if (!query.get('appid') || !query.get('secret')) throw fault(40013, 'invalid appid');
      const code = state.miniProgramCodes.get(query.get('js_code') ?? '');
      if (!code || code.used || code.expiresAt < state.now()) throw fault(40029, 'invalid code');
      code.used = true;
      return { openid: code.openid, session_key: randomBytes(16).toString('base64') };
    },
  },
};
