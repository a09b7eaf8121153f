// Customer contact: profiles, lists, welcome messages, channel codes (联系我).
import { fault } from '../errors.js';
import type { ExternalContact, StandInState } from '../state.js';
import type { ApiRoute } from './types.js';

function profile(state: StandInState, corpId: string, contact: ExternalContact) {
  return {
    external_contact: {
      external_userid: contact.externalUserId,
      name: contact.name,
      avatar: contact.avatar,
      type: 1,
      gender: contact.gender,
      ...(contact.unionid ? { unionid: contact.unionid } : {}),
    },
    follow_user: [...contact.followers].map(([userid, f]) => ({
      userid,
      remark: f.remark,
      remark_mobiles: f.remarkMobiles ?? [],
      createtime: f.createtime,
      tags: f.tagIds.map((id) => ({ tag_id: id, tag_name: tagName(state, corpId, id), type: 1 })),
      ...(f.state ? { state: f.state } : {}),
      add_way: f.addWay,
    })),
  };
}

const tagName = (state: StandInState, corpId: string, id: string) =>
  (state.tagGroups.get(corpId) ?? []).flatMap((g) => g.tags).find((t) => t.id === id)?.name ?? '';

const contactOf = (state: StandInState, externalUserId: string) => {
  const contact = state.contacts.get(externalUserId);
  if (!contact) throw fault(40096, 'invalid external userid');
  return contact;
};

export const contactRoutes: Record<string, ApiRoute> = {
  // The members with 客户联系 enabled and in the app's visible range (the app itself needs the 客户联系 API: 48002).
  'GET /cgi-bin/externalcontact/get_follow_user_list': {
    handler: ({ state, corpId }) => {
      const enabled = state.corp(corpId)!.followUsers;
      return {
        follow_user: [...state.members.values()]
          .filter((m) => m.corpId === corpId && (!enabled || enabled.includes(m.userid)))
          .map((m) => m.userid),
      };
    },
  },
  'GET /cgi-bin/externalcontact/get': {
    handler: ({ state, corpId, query }) => profile(state, corpId, contactOf(state, query.get('external_userid') ?? '')),
  },
  'GET /cgi-bin/externalcontact/list': {
    handler: ({ state, corpId, query }) => {
      const userid = query.get('userid') ?? '';
      if (!state.members.has(`${corpId}:${userid}`)) throw fault(60111, 'invalid userid');
      return {
        external_userid: [...state.contacts.values()]
          .filter((c) => c.followers.has(userid))
          .map((c) => c.externalUserId),
      };
    },
  },
  'POST /cgi-bin/externalcontact/batch/get_by_user': {
    handler: ({ state, corpId, body }) => {
      const users: string[] = body.userid_list ?? [];
      if (!users.length || users.length > 100) throw fault(40058, 'userid_list size must be 1..100');
      const limit = Math.min(Number(body.limit ?? 50), 100);
      const all = [...state.contacts.values()]
        .flatMap((c) => users.filter((u) => c.followers.has(u)).map((u) => ({ c, u })))
        .sort((a, b) => (a.c.externalUserId + a.u).localeCompare(b.c.externalUserId + b.u));
      const start = body.cursor ? Number(Buffer.from(String(body.cursor), 'base64url').toString()) : 0;
      const page = all.slice(start, start + limit);
      const nextStart = start + page.length;
      return {
        external_contact_list: page.map(({ c, u }) => {
          const p = profile(state, corpId, c);
          return {
            external_contact: p.external_contact,
            follow_info: { ...p.follow_user.find((f) => f.userid === u)!, tag_id: c.followers.get(u)!.tagIds },
          };
        }),
        next_cursor: nextStart < all.length ? Buffer.from(String(nextStart)).toString('base64url') : '',
      };
    },
  },
  'POST /cgi-bin/externalcontact/send_welcome_msg': {
    handler: ({ state, corpId, body }) => {
      const code = state.welcomeCodes.get(String(body.welcome_code ?? ''));
      if (!code || code.corpId !== corpId) throw fault(40097, 'invalid welcome_code');
      if (code.used || code.expiresAt < state.now()) throw fault(41051, 'externaluser has started chatting');
      const attachments: unknown[] = body.attachments ?? [];
      if (!body.text?.content && !attachments.length) throw fault(41048, 'welcome msg content is empty');
      if (attachments.length > 9) throw fault(41049, 'too many attachments');
      if (Buffer.byteLength(body.text?.content ?? '') > 4000) throw fault(45002, 'content size out of limit');
      code.used = true;
      state.welcomeMessages.push({
        corpId,
        userid: code.userid,
        externalUserId: code.externalUserId,
        text: body.text?.content,
        attachments,
        at: state.now(),
      });
      return {};
    },
  },
  'POST /cgi-bin/externalcontact/add_contact_way': {
    handler: ({ state, corpId, body }) => {
      if (![1, 2].includes(body.type) || ![1, 2].includes(body.scene)) throw fault(40058, 'invalid type or scene');
      if (body.state && String(body.state).length > 30) throw fault(40058, 'state exceed max length 30');
      const users: string[] = body.user ?? [];
      for (const u of users) if (!state.members.has(`${corpId}:${u}`)) throw fault(60111, 'invalid userid');
      const configId = state.id('cfg', 8);
      const qrCode = `https://wework.qpic.cn/wwpic/standin/${configId}.png`;
      state.contactWays.set(configId, { corpId, configId, state: body.state, users, qrCode });
      return { config_id: configId, qr_code: qrCode };
    },
  },
};
