// Typed wrappers for the customer-contact endpoints.
import type { WecomCredentials } from '../wecom-app.repository.js';
import type { WecomClient } from './wecom-client.js';

export interface ExternalProfile {
  external_contact: { external_userid: string; name: string; avatar?: string; gender?: 0 | 1 | 2; unionid?: string };
  follow_user: { userid: string; remark?: string; createtime: number; state?: string; tags?: { tag_id: string; tag_name: string }[] }[];
}

export class ContactsApi {
  constructor(private client: WecomClient) {}

  getExternalContact(app: WecomCredentials, externalUserId: string): Promise<ExternalProfile> {
    return this.client.get<ExternalProfile & Record<string, any>>(app, '/cgi-bin/externalcontact/get', { external_userid: externalUserId });
  }

  async batchGetByUser(app: WecomCredentials, userids: string[], cursor = '', limit = 100) {
    const res = await this.client.post(app, '/cgi-bin/externalcontact/batch/get_by_user', { userid_list: userids, cursor, limit });
    return {
      contacts: (res.external_contact_list ?? []) as { external_contact: ExternalProfile['external_contact']; follow_info: ExternalProfile['follow_user'][number] }[],
      nextCursor: String(res.next_cursor ?? ''),
    };
  }

  async sendWelcomeMessage(app: WecomCredentials, welcomeCode: string, text: string): Promise<void> {
    await this.client.post(app, '/cgi-bin/externalcontact/send_welcome_msg', { welcome_code: welcomeCode, text: { content: text } });
  }

  async sendAppTextCard(app: WecomCredentials, touser: string[], card: { title: string; description: string; url: string }) {
    return this.client.post(app, '/cgi-bin/message/send', {
      touser: touser.join('|'),
      msgtype: 'textcard',
      agentid: app.agentId,
      textcard: { ...card, btntxt: '查看' },
    });
  }
}
