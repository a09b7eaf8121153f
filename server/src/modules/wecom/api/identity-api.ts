// Identity: JS-SDK tickets for the sidebar's signatures, and OAuth code → member userid.
import { tenantKey } from '../../../redis/keys.js';
import type { WecomCredentials } from '../wecom-app.repository.js';
import type { CredentialCache } from './credential-cache.js';
import type { WecomClient } from './wecom-client.js';

export class IdentityApi {
  constructor(
    private client: WecomClient,
    private cache: CredentialCache,
  ) {}

  /** The corp's jsapi_ticket (for ww.register's config signature); WeCom allows 400 fetches an hour, so it is cached. */
  corpTicket(app: WecomCredentials): Promise<string> {
    return this.cache.get(tenantKey(app.merchantId, 'wecom', 'jsapi-ticket', app.corpId), async () => {
      const res = await this.client.get(app, '/cgi-bin/get_jsapi_ticket');
      return { value: String(res.ticket), expiresIn: Number(res.expires_in) };
    });
  }

  /** The app's agent_config ticket (for the agentConfig signature); 100 fetches an hour per app. */
  agentTicket(app: WecomCredentials): Promise<string> {
    return this.cache.get(tenantKey(app.merchantId, 'wecom', 'agent-ticket', app.corpId, app.agentId), async () => {
      const res = await this.client.get(app, '/cgi-bin/ticket/get', { type: 'agent_config' });
      return { value: String(res.ticket), expiresIn: Number(res.expires_in) };
    });
  }

  /** OAuth2 code (single use, 5 minutes) → the member's userid. */
  async userIdFromCode(app: WecomCredentials, code: string): Promise<string> {
    const res = await this.client.get(app, '/cgi-bin/auth/getuserinfo', { code });
    return String(res.userid ?? res.UserId ?? '');
  }
}
