// 微信客服: sync_msg with cursors and callback tokens, send_msg under the 48-hour and 5-message rules, session states.
import { fault } from '../errors.js';
import { KF_REPLIES_PER_CUSTOMER_MESSAGE, KF_WINDOW_MS, type KfSession, type StandInState } from '../state.js';
import type { ApiRoute } from './types.js';

const account = (state: StandInState, corpId: string, openKfId: string) => {
  const kf = state.kfAccounts.get(openKfId);
  if (!kf || kf.corpId !== corpId) throw fault(95000, 'invalid open_kfid');
  return kf;
};

export const sessionKey = (openKfId: string, externalUserId: string) => `${openKfId}:${externalUserId}`;

function session(state: StandInState, openKfId: string, externalUserId: string): KfSession {
  const s = state.kfSessions.get(sessionKey(openKfId, externalUserId));
  if (!s) throw fault(95016, 'invalid session state: no session with this customer');
  return s;
}

const TEXT_LIMIT_BYTES = 2048;

export const kfRoutes: Record<string, ApiRoute> = {
  // Every 微信客服 account of the corp, paged; manage_privilege says whether the calling app may manage it.
  'POST /cgi-bin/kf/account/list': {
    kf: true,
    handler: ({ state, corpId, agentId, body }) => {
      const offset = Number(body.offset ?? 0);
      const limit = Number(body.limit ?? 100);
      if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 100)
        throw fault(40058, 'invalid offset or limit');
      const managed = state.corp(corpId)!.apps.find((a) => a.agentId === agentId)?.kfManaged;
      return {
        account_list: [...state.kfAccounts.values()]
          .filter((k) => k.corpId === corpId)
          .slice(offset, offset + limit)
          .map((k) => ({
            open_kfid: k.openKfId,
            name: k.name,
            avatar: `https://wework.qpic.cn/standin/kf/${k.openKfId}/0`,
            manage_privilege: !managed || managed.includes(k.openKfId),
          })),
      };
    },
  },
  // The account's contact link (客服链接): opened in WeChat, it starts a conversation with the account.
  'POST /cgi-bin/kf/add_contact_way': {
    kf: true,
    handler: ({ state, corpId, body }) => {
      const kf = account(state, corpId, String(body.open_kfid ?? ''));
      const scene = body.scene ? `?enc_scene=${encodeURIComponent(String(body.scene))}` : '';
      return { url: `https://work.weixin.qq.com/kfid/${kf.openKfId}${scene}` };
    },
  },
  'POST /cgi-bin/kf/sync_msg': {
    kf: true,
    handler: ({ state, corpId, body }) => {
      const openKfId = String(body.open_kfid ?? '');
      account(state, corpId, openKfId);
      if (body.token) {
        const t = state.kfSyncTokens.get(String(body.token));
        if (!t || t.openKfId !== openKfId || t.expiresAt < state.now()) throw fault(95007, 'invalid msg token');
      }
      const limit = Math.min(Math.max(Number(body.limit ?? 1000), 1), 1000);
      // Only the last 3 days are kept, and the messages sent through the API are not returned.
      const since = state.now() - 3 * 86_400_000;
      const visible = state.kfMessages.filter(
        (m) => m.openKfId === openKfId && m.sendTime * 1000 >= since && m.origin !== 5,
      );
      const start = body.cursor ? Number(Buffer.from(String(body.cursor), 'base64url').toString()) : 0;
      const page = visible.slice(start, start + limit);
      const next = start + page.length;
      return {
        next_cursor: Buffer.from(String(next)).toString('base64url'),
        has_more: next < visible.length ? 1 : 0,
        msg_list: page.map((m) => ({
          msgid: m.msgid,
          open_kfid: m.openKfId,
          external_userid: m.externalUserId,
          send_time: m.sendTime,
          origin: m.origin,
          msgtype: m.msgtype,
          ...(m.text ? { text: m.text } : {}),
          ...(m.event ? { event: m.event } : {}),
          ...(m.body ? { [m.msgtype]: m.body } : {}),
        })),
      };
    },
  },
  'POST /cgi-bin/kf/send_msg': {
    kf: true,
    handler: ({ state, corpId, body }) => {
      const openKfId = String(body.open_kfid ?? '');
      account(state, corpId, openKfId);
      const touser = String(body.touser ?? '');
      if (body.msgid && state.kfSent.some((m) => m.msgid === body.msgid)) throw fault(95011, 'msgid already used');
      const s = session(state, openKfId, touser);
      if (state.kfReceptionistsOnline.has(openKfId) && s.state !== 3) s.state = 3;
      if (s.state === 3 || s.state === 2)
        throw fault(95018, 'send msg not allowed: session is served by a receptionist');
      if (s.state === 4 || state.now() - s.lastCustomerMessageAt > KF_WINDOW_MS)
        throw fault(95016, 'invalid session state: 48 hours passed');
      if (s.sentSinceCustomerMessage >= KF_REPLIES_PER_CUSTOMER_MESSAGE)
        throw fault(95001, 'send msg count limit exceed');
      if (body.msgtype === 'text' && Buffer.byteLength(body.text?.content ?? '') > TEXT_LIMIT_BYTES)
        throw fault(45002, 'content size out of limit');
      const msgid = String(body.msgid ?? state.id('kfsend', 8));
      s.sentSinceCustomerMessage++;
      if (s.state === 0) s.state = 1;
      state.kfSent.push({
        msgid,
        openKfId,
        touser,
        msgtype: String(body.msgtype),
        content: body[body.msgtype],
        at: state.now(),
      });
      return { msgid };
    },
  },
  'POST /cgi-bin/kf/send_msg_on_event': {
    kf: true,
    handler: ({ state, body }) => {
      const code = String(body.code ?? '');
      const welcome = state.kfMessages.find((m) => m.event?.welcome_code === code);
      if (!welcome || welcome.event!.used || state.now() - welcome.sendTime * 1000 > 20_000)
        throw fault(95014, 'invalid code');
      welcome.event!.used = true;
      const msgid = String(body.msgid ?? state.id('kfevt', 8));
      state.kfSent.push({
        msgid,
        openKfId: welcome.openKfId,
        touser: welcome.externalUserId,
        msgtype: String(body.msgtype),
        content: body[body.msgtype],
        at: state.now(),
      });
      return { msgid };
    },
  },
  'GET /cgi-bin/kf/servicer/list': {
    kf: true,
    handler: ({ state, corpId, query }) => {
      const openKfId = query.get('open_kfid') ?? '';
      account(state, corpId, openKfId);
      const online = state.kfReceptionistsOnline.has(openKfId);
      // status 0: receiving sessions, 1: stopped
      return {
        servicer_list: [...state.members.values()]
          .filter((m) => m.corpId === corpId)
          .slice(0, 1)
          .map((m) => ({ userid: m.userid, status: online ? 0 : 1 })),
      };
    },
  },
  'POST /cgi-bin/kf/service_state/get': {
    kf: true,
    handler: ({ state, corpId, body }) => {
      account(state, corpId, String(body.open_kfid ?? ''));
      const s = session(state, String(body.open_kfid), String(body.external_userid ?? ''));
      return { service_state: s.state, ...(s.servicerUserId ? { servicer_userid: s.servicerUserId } : {}) };
    },
  },
  'POST /cgi-bin/kf/service_state/trans': {
    kf: true,
    handler: ({ state, corpId, body }) => {
      account(state, corpId, String(body.open_kfid ?? ''));
      const s = session(state, String(body.open_kfid), String(body.external_userid ?? ''));
      const to = Number(body.service_state);
      if (![0, 1, 2, 3, 4].includes(to)) throw fault(95015, 'invalid service_state');
      if (to === 3 && !state.members.has(`${corpId}:${body.servicer_userid}`))
        throw fault(95013, 'invalid servicer_userid');
      if (s.state === 4 && to !== 4) throw fault(95016, 'invalid session state: session ended');
      s.state = to as KfSession['state'];
      s.servicerUserId = to === 3 ? String(body.servicer_userid) : undefined;
      return { msg_code: to === 3 || to === 4 ? state.id('msgcode', 6) : '' };
    },
  },
};
