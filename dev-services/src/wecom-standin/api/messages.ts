// Application messages to members, and group-send tasks (群发) that members confirm.
import { fault } from '../errors.js';
import type { StandInState } from '../state.js';
import type { ApiRoute } from './types.js';

/** At most this many attachments in one group-send task. */
const MAX_ATTACHMENTS = 9;

/**
 * add_msg_template's attachments as WeCom checks them: each names its msgtype and carries that object; an image or a
 * mini-program cover by a media_id this corp uploaded (media/upload) and that has not expired (40007 otherwise); a
 * mini-program card needs its title, appid and page.
 */
function checkAttachments(state: StandInState, corpId: string, attachments: Record<string, unknown>[]) {
  if (attachments.length > MAX_ATTACHMENTS) throw fault(40097, 'attachments exceed 9');
  const mediaOk = (id: unknown) => {
    const media = state.media.get(String(id ?? ''));
    return Boolean(media && media.corpId === corpId && media.expiresAt >= state.now() && media.type === 'image');
  };
  for (const a of attachments) {
    const type = String(a.msgtype ?? '');
    const part = a[type] as Record<string, unknown> | undefined;
    if (!['image', 'link', 'miniprogram', 'video', 'file'].includes(type) || !part)
      throw fault(40008, 'invalid message type');
    if (type === 'image' && !part.pic_url && !mediaOk(part.media_id)) throw fault(40007, 'invalid media_id');
    if (type === 'miniprogram') {
      if (!part.title || !part.appid || !part.page) throw fault(40097, 'invalid miniprogram args');
      if (!mediaOk(part.pic_media_id)) throw fault(40007, 'invalid media_id');
    }
  }
}

export const messageRoutes: Record<string, ApiRoute> = {
  'POST /cgi-bin/message/send': {
    handler: ({ state, corpId, agentId, body }) => {
      if (Number(body.agentid) !== agentId) throw fault(40056, 'invalid agentid');
      if (!['text', 'textcard', 'markdown', 'template_card'].includes(body.msgtype))
        throw fault(40008, 'invalid message type');
      const users = String(body.touser ?? '')
        .split('|')
        .filter(Boolean);
      const unknown = users.filter((u) => !state.members.has(`${corpId}:${u}`));
      // enable_duplicate_check: the same content to the same member within the interval (default 1800 s, at most
      // 4 hours) is accepted but not delivered again
      const interval = Math.min(Number(body.duplicate_check_interval ?? 1800), 14_400) * 1000;
      for (const touser of users.filter((u) => !unknown.includes(u))) {
        const key = `${corpId}:${agentId}:${touser}:${body.msgtype}:${JSON.stringify(body[body.msgtype])}`;
        const last = state.appMessageSentAt.get(key);
        if (Number(body.enable_duplicate_check) === 1 && last !== undefined && state.now() - last < interval) continue;
        state.appMessageSentAt.set(key, state.now());
        state.appMessages.push({ corpId, agentId, touser, msgtype: body.msgtype, content: body[body.msgtype] });
      }
      return { invaliduser: unknown.join('|'), msgid: state.id('appmsg', 8) };
    },
  },
  'POST /cgi-bin/externalcontact/add_msg_template': {
    handler: ({ state, corpId, body }) => {
      const chatType = body.chat_type === 'group' ? 'group' : 'single';
      const sender = String(body.sender ?? '');
      if (sender && !state.members.has(`${corpId}:${sender}`)) throw fault(60111, 'invalid userid');
      const externalUserIds: string[] = body.external_userid ?? [];
      if (chatType === 'single' && externalUserIds.length > 10_000) throw fault(40058, 'external_userid exceed 10000');
      if (!body.text?.content && !(body.attachments ?? []).length) throw fault(41048, 'content is empty');
      const attachments: Record<string, unknown>[] = body.attachments ?? [];
      checkAttachments(state, corpId, attachments);
      const msgid = state.id('msg', 10);
      state.groupSendTasks.push({
        msgid,
        corpId,
        chatType,
        sender,
        externalUserIds,
        chatIds: body.chat_id_list ?? [],
        text: body.text?.content,
        ...(attachments.length ? { attachments } : {}),
        createdAt: state.now(),
      });
      return { fail_list: [], msgid };
    },
  },
  // 停止企业群发: a task the member has not sent yet is stopped; one already sent is left as it is.
  'POST /cgi-bin/externalcontact/cancel_groupmsg_send': {
    handler: ({ state, corpId, body }) => {
      const task = state.groupSendTasks.find((t) => t.msgid === body.msgid && t.corpId === corpId);
      if (!task) throw fault(41063, 'invalid msgid');
      if (!task.sentAt) task.cancelledAt ??= state.now();
      return {};
    },
  },
  'POST /cgi-bin/externalcontact/get_groupmsg_task': {
    handler: ({ state, corpId, body }) => {
      const task = state.groupSendTasks.find((t) => t.msgid === body.msgid && t.corpId === corpId);
      if (!task) throw fault(41063, 'invalid msgid');
      return {
        task_list: [
          {
            userid: task.sender,
            status: task.sentAt ? 2 : 0,
            ...(task.sentAt ? { send_time: Math.floor(task.sentAt / 1000) } : {}),
          },
        ],
        next_cursor: '',
      };
    },
  },
  'POST /cgi-bin/externalcontact/get_groupmsg_send_result': {
    handler: ({ state, corpId, body }) => {
      const task = state.groupSendTasks.find((t) => t.msgid === body.msgid && t.corpId === corpId);
      if (!task) throw fault(41063, 'invalid msgid');
      return {
        // 0 not sent yet; 1 sent; 2 failed: the customer no longer has the sender as a contact
        send_list: task.externalUserIds.map((external_userid) => {
          const contact = state.contacts.get(external_userid);
          const stillContact = contact?.followers.has(task.sender) ?? false;
          const status = !task.sentAt ? 0 : stillContact ? 1 : 2;
          return {
            external_userid,
            userid: task.sender,
            status,
            ...(status === 1 ? { send_time: Math.floor(task.sentAt! / 1000) } : {}),
          };
        }),
        next_cursor: '',
      };
    },
  },
};
