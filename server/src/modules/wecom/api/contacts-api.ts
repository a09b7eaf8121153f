// Typed wrappers for the customer-contact endpoints.
import type { WecomCredentials } from '../wecom-app.repository.js';
import type { WecomClient } from './wecom-client.js';

export interface ExternalProfile {
  external_contact: { external_userid: string; name: string; avatar?: string; gender?: 0 | 1 | 2; unionid?: string };
  follow_user: {
    userid: string;
    remark?: string;
    /** the phone numbers the member noted on the contact */
    remark_mobiles?: string[];
    createtime: number;
    state?: string;
    tags?: { tag_id: string; tag_name: string }[];
  }[];
}

export interface GroupChatDetail {
  chat_id: string;
  name: string;
  owner: string;
  create_time: number;
  notice?: string;
  /** type 1: a corp member, 2: an external contact */
  member_list: { userid: string; type: 1 | 2; join_time: number; join_scene: number; name?: string }[];
}

export class ContactsApi {
  constructor(private client: WecomClient) {}

  getExternalContact(app: WecomCredentials, externalUserId: string): Promise<ExternalProfile> {
    return this.client.get<ExternalProfile & Record<string, unknown>>(app, '/cgi-bin/externalcontact/get', {
      external_userid: externalUserId,
    });
  }

  /** The external userids one member has as customers (externalcontact/list): how many the onboarding sync brings. */
  async externalUserIds(app: WecomCredentials, userid: string): Promise<string[]> {
    const res = await this.client.get<{ external_userid?: string[] }>(app, '/cgi-bin/externalcontact/list', { userid });
    return res.external_userid ?? [];
  }

  async batchGetByUser(app: WecomCredentials, userids: string[], cursor = '', limit = 100) {
    const res = await this.client.post(app, '/cgi-bin/externalcontact/batch/get_by_user', {
      userid_list: userids,
      cursor,
      limit,
    });
    return {
      contacts: (res.external_contact_list ?? []) as {
        external_contact: ExternalProfile['external_contact'];
        follow_info: ExternalProfile['follow_user'][number];
      }[],
      nextCursor: String(res.next_cursor ?? ''),
    };
  }

  /** A customer group (客户群) with its members; names included. */
  async groupChat(app: WecomCredentials, chatId: string): Promise<GroupChatDetail> {
    return (
      await this.client.post<{ group_chat: GroupChatDetail }>(app, '/cgi-bin/externalcontact/groupchat/get', {
        chat_id: chatId,
        need_name: 1,
      })
    ).group_chat;
  }

  /** A page of the corp's customer groups (ids only; details with groupChat). */
  async groupChatList(app: WecomCredentials, cursor = ''): Promise<{ chatIds: string[]; nextCursor: string }> {
    const res = await this.client.post<{ group_chat_list: { chat_id: string }[]; next_cursor?: string }>(
      app,
      '/cgi-bin/externalcontact/groupchat/list',
      { status_filter: 0, limit: 1000, ...(cursor ? { cursor } : {}) },
    );
    return { chatIds: res.group_chat_list.map((c) => c.chat_id), nextCursor: res.next_cursor ?? '' };
  }

  /** Uploads an image as temporary media: the media_id is valid for three days. */
  async uploadImage(
    app: WecomCredentials,
    file: { bytes: Uint8Array; filename: string; contentType: string },
  ): Promise<{ mediaId: string; createdAt: number }> {
    const form = new FormData();
    form.append('media', new Blob([file.bytes], { type: file.contentType }), file.filename);
    const res = await this.client.upload(app, '/cgi-bin/media/upload', { type: 'image' }, form);
    return { mediaId: String(res.media_id), createdAt: Number(res.created_at) * 1000 };
  }

  async sendWelcomeMessage(app: WecomCredentials, welcomeCode: string, text: string): Promise<void> {
    await this.client.post(app, '/cgi-bin/externalcontact/send_welcome_msg', {
      welcome_code: welcomeCode,
      text: { content: text },
    });
  }

  async sendAppTextCard(
    app: WecomCredentials,
    touser: string[],
    card: { title: string; description: string; url: string },
  ) {
    return this.client.post(app, '/cgi-bin/message/send', {
      touser: touser.join('|'),
      msgtype: 'textcard',
      agentid: app.agentId,
      textcard: { ...card, btntxt: '查看' },
      // WeCom drops the same card to the same member within the interval: a notice sent again after a crash that
      // came after WeCom had accepted it (the claim not yet marked done) is not shown twice
      enable_duplicate_check: 1,
      duplicate_check_interval: 1800,
    });
  }
}
