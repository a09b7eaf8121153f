// Typed wrappers for 微信客服 (kf/*).
import type { WecomCredentials } from '../wecom-app.repository.js';
import type { DownloadedFile, WecomClient } from './wecom-client.js';

export interface KfSyncedMessage {
  msgid: string;
  open_kfid: string;
  external_userid: string;
  send_time: number;
  origin: 3 | 4 | 5;
  msgtype: string;
  text?: { content: string };
  event?: {
    event_type: string;
    welcome_code?: string;
    fail_msgid?: string;
    fail_type?: number;
    new_service_state?: number;
    servicer_userid?: string;
    external_userid?: string;
  } & Record<string, unknown>;
  [field: string]: unknown;
}

export class KfApi {
  constructor(private client: WecomClient) {}

  /** The account's contact link (客服链接, kf/add_contact_way): opened in WeChat, it starts a conversation. */
  async contactUrl(app: WecomCredentials, openKfId: string): Promise<string> {
    const res = await this.client.post<{ url?: string }>(app, '/cgi-bin/kf/add_contact_way', { open_kfid: openKfId });
    return String(res.url ?? '');
  }

  async syncMsg(app: WecomCredentials, openKfId: string, cursor: string, token?: string) {
    const res = await this.client.post(app, '/cgi-bin/kf/sync_msg', {
      open_kfid: openKfId,
      cursor,
      limit: 1000,
      ...(token ? { token } : {}),
    });
    return {
      messages: (res.msg_list ?? []) as KfSyncedMessage[],
      nextCursor: String(res.next_cursor ?? cursor),
      hasMore: res.has_more === 1,
    };
  }

  async sendText(
    app: WecomCredentials,
    openKfId: string,
    touser: string,
    msgid: string,
    content: string,
  ): Promise<void> {
    await this.client.post(app, '/cgi-bin/kf/send_msg', {
      touser,
      open_kfid: openKfId,
      msgid,
      msgtype: 'text',
      text: { content },
    });
  }

  /** A file a customer sent (image, voice, file, video media_id), up to maxBytes. */
  getMedia(app: WecomCredentials, mediaId: string, maxBytes: number): Promise<DownloadedFile> {
    return this.client.download(app, '/cgi-bin/media/get', { media_id: mediaId }, maxBytes);
  }

  async sendTextOnEvent(app: WecomCredentials, code: string, msgid: string, content: string): Promise<void> {
    await this.client.post(app, '/cgi-bin/kf/send_msg_on_event', { code, msgid, msgtype: 'text', text: { content } });
  }

  async transferToHuman(
    app: WecomCredentials,
    openKfId: string,
    externalUserId: string,
    servicerUserId: string,
  ): Promise<void> {
    await this.client.post(app, '/cgi-bin/kf/service_state/trans', {
      open_kfid: openKfId,
      external_userid: externalUserId,
      service_state: 3,
      servicer_userid: servicerUserId,
    });
  }
}
