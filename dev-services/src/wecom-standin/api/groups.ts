// Customer groups (客户群): groupchat/get with WeCom's member shape.
import { fault } from '../errors.js';
import type { ApiRoute } from './types.js';

export const groupRoutes: Record<string, ApiRoute> = {
  // The corp's customer groups, a page at a time (WeCom: limit 1–1000, an opaque cursor).
  'POST /cgi-bin/externalcontact/groupchat/list': {
    handler: ({ state, corpId, body }) => {
      const limit = Number(body.limit ?? 0);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw fault(40058, 'invalid limit');
      const owners: string[] | undefined = body.owner_filter?.userid_list;
      const all = [...state.groupChats.values()]
        .filter((c) => c.corpId === corpId && (!owners || owners.includes(c.owner)))
        .sort((a, b) => a.chatId.localeCompare(b.chatId));
      const start = body.cursor ? Number(Buffer.from(String(body.cursor), 'base64url').toString()) : 0;
      const page = all.slice(start, start + limit);
      const next = start + limit < all.length ? Buffer.from(String(start + limit)).toString('base64url') : '';
      return { group_chat_list: page.map((c) => ({ chat_id: c.chatId, status: 0 })), next_cursor: next };
    },
  },
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
            ...(names
              ? {
                  name:
                    m.type === 2
                      ? (state.contacts.get(m.userid)?.name ?? '')
                      : (state.members.get(`${corpId}:${m.userid}`)?.name ?? ''),
                }
              : {}),
          })),
          admin_list: [],
        },
      };
    },
  },
  // 加入群聊 join ways: a QR code for up to five groups (WeCom: scene 2 = QR code; state up to 30 characters).
  'POST /cgi-bin/externalcontact/groupchat/add_join_way': {
    handler: ({ state, corpId, body }) => {
      if (![1, 2].includes(body.scene)) throw fault(40058, 'invalid scene');
      const chats: string[] = body.chat_id_list ?? [];
      if (!chats.length || chats.length > 5) throw fault(40058, 'chat_id_list size must be 1-5');
      for (const id of chats) if (state.groupChats.get(id)?.corpId !== corpId) throw fault(40050, 'chatid not found');
      if (body.state && String(body.state).length > 30) throw fault(40058, 'state exceed max length 30');
      const configId = state.id('jw', 8);
      state.joinWays.set(configId, {
        corpId,
        configId,
        chatIds: chats,
        state: body.state,
        remark: body.remark,
        qrCode: `https://wework.qpic.cn/wwpic/standin/${configId}.png`,
      });
      return { config_id: configId };
    },
  },
  'POST /cgi-bin/externalcontact/groupchat/get_join_way': {
    handler: ({ state, corpId, body }) => {
      const way = state.joinWays.get(String(body.config_id ?? ''));
      if (!way || way.corpId !== corpId) throw fault(41044, 'invalid config_id');
      return {
        join_way: {
          config_id: way.configId,
          scene: 2,
          remark: way.remark ?? '',
          auto_create_room: 0,
          chat_id_list: way.chatIds,
          qr_code: way.qrCode,
          state: way.state ?? '',
        },
      };
    },
  },
  // Group welcome templates (入群欢迎语素材): the admin picks one for a group in the WeCom client.
  'POST /cgi-bin/externalcontact/group_welcome_template/add': {
    handler: ({ state, corpId, body }) => {
      const text = body.text?.content ?? '';
      if (!text && !body.image && !body.link && !body.miniprogram) throw fault(41048, 'content is empty');
      if (Buffer.byteLength(text) > 3000) throw fault(45002, 'content size out of limit');
      const templateId = state.id('msg', 10);
      state.groupWelcomeTemplates.set(templateId, { corpId, templateId, text });
      return { template_id: templateId };
    },
  },
};
