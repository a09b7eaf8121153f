// 服务商代开发's provider endpoints (service/*): the template's token from its pushed ticket, pre-auth codes and their
// session, the exchange of a temporary auth code for the permanent one, and the authorisation's details. They take
// suite_access_token, not an app's access_token; the errcodes are WeCom's (40085 ticket, 40082 / 42009 token,
// 40078 auth code, 40084 permanent code).
import { randomBytes } from 'node:crypto';
import { fault } from '../errors.js';
import type { StandInState } from '../state.js';
import { PRE_AUTH_CODE_TTL_MS, SUITE_TOKEN_TTL_SECONDS, type SuiteAuthorisation } from '../suite-state.js';
import type { ApiRoute } from './types.js';

function checkSuiteToken(state: StandInState, query: URLSearchParams): void {
  const token = state.suite.tokens.get(query.get('suite_access_token') ?? '');
  if (!token) throw fault(40082, 'invalid suite_access_token');
  if (token.expiresAt <= state.now()) throw fault(42009, 'suite_access_token expired');
}

const authInfo = (a: SuiteAuthorisation) => ({
  auth_corp_info: {
    corpid: a.corpId,
    corp_name: a.corpName,
    corp_type: 'verified',
    corp_full_name: a.corpName,
    subject_type: 1,
  },
  auth_info: {
    agent: [
      {
        agentid: a.agentId,
        name: '小二',
        auth_mode: 0,
        is_customized_app: true,
        privilege: { level: 1, allow_party: [], allow_user: [], allow_tag: [], extra_party: [], extra_user: [] },
      },
    ],
  },
});

export const suiteRoutes: Record<string, ApiRoute> = {
  'POST /cgi-bin/service/get_suite_token': {
    authenticated: false,
    handler: ({ state, body }) => {
      const template = state.suite.template;
      if (!template || body.suite_id !== template.suiteId) throw fault(40083, 'invalid suite_id');
      if (body.suite_secret !== template.secret) throw fault(40080, 'invalid suite_secret');
      const ticket = state.suite.tickets.get(String(body.suite_ticket ?? ''));
      if (!ticket || ticket.expiresAt <= state.now()) throw fault(40085, 'invalid suite_ticket');
      const token = `sat_${randomBytes(24).toString('hex')}`;
      state.suite.tokens.set(token, { expiresAt: state.now() + SUITE_TOKEN_TTL_SECONDS * 1000 });
      return { suite_access_token: token, expires_in: SUITE_TOKEN_TTL_SECONDS };
    },
  },
  'GET /cgi-bin/service/get_pre_auth_code': {
    authenticated: false,
    handler: ({ state, query }) => {
      checkSuiteToken(state, query);
      const code = `pac_${randomBytes(24).toString('hex')}`;
      state.suite.preAuthCodes.set(code, { expiresAt: state.now() + PRE_AUTH_CODE_TTL_MS });
      return { pre_auth_code: code, expires_in: PRE_AUTH_CODE_TTL_MS / 1000 };
    },
  },
  'POST /cgi-bin/service/set_session_info': {
    authenticated: false,
    handler: ({ state, query, body }) => {
      checkSuiteToken(state, query);
      const pre = state.suite.preAuthCodes.get(String(body.pre_auth_code ?? ''));
      if (!pre || pre.expiresAt <= state.now()) throw fault(40077, 'invalid pre_auth_code');
      const authType = Number(body.session_info?.auth_type ?? 0);
      if (authType !== 0 && authType !== 1) throw fault(40035, 'invalid auth_type');
      pre.authType = authType;
      return {};
    },
  },
  'POST /cgi-bin/service/get_permanent_code': {
    authenticated: false,
    handler: ({ state, query, body }) => {
      checkSuiteToken(state, query);
      const code = state.suite.authCodes.get(String(body.auth_code ?? ''));
      if (!code || code.used || code.expiresAt <= state.now()) throw fault(40078, 'invalid auth_code');
      code.used = true;
      const a = state.suite.authorisations.get(code.corpId)!;
      return {
        // the old endpoint also hands out a first corp token; a 代开发 app's permanent code is its Secret
        access_token: `tok_${randomBytes(24).toString('hex')}`,
        expires_in: 7200,
        permanent_code: a.permanentCode,
        ...authInfo(a),
        auth_user_info: { userid: a.adminUserid, name: '' },
        state: code.state,
      };
    },
  },
  'POST /cgi-bin/service/get_auth_info': {
    authenticated: false,
    handler: ({ state, query, body }) => {
      checkSuiteToken(state, query);
      const a = state.suite.authorisations.get(String(body.auth_corpid ?? ''));
      if (!a || a.cancelled || a.permanentCode !== body.permanent_code) throw fault(40084, 'invalid permanent_code');
      return authInfo(a);
    },
  },
};
