// Customer groups (客户群): groupchat/get with WeCom's member shape.
import { fault } from '../errors.js';
import type { ApiRoute } from './types.js';

export const groupRoutes: Record<string, ApiRoute> = {
  'POST /cgi-bin/externalcontact/groupchat/get': {
    handler: ({ state, corpId, body }) => {
      const chat = state.groupChats.get(String(body.chat_id ?? ''));
      if (!chat || chat.corpId !== corpId) throw fault(40050, 'chatid not found');
      const names = body.need_name === 1;
      return {
        group_chat: {
          chat_id: chat.chatId,
          name: chat.name,
          owner: chat.owner,
          create_time: chat.createTime,
          notice: chat.notice,
          member_list: chat.members.map((m) => ({
            userid: m.userid,
            type: m.type,
            join_time: m.joinTime,
            join_scene: m.joinScene,
            invitor: { userid: chat.owner },
            ...(names ? { name: m.type === 2 ? (state.contacts.get(m.userid)?.name ?? '') : (state.members.get(`${corpId}:${m.userid}`)?.name ?? '') } : {}),
          })),
          admin_list: [],
        },
      };
    },
  },
};
