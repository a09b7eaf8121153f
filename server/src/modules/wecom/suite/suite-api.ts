// The 代开发 template's own calls (service/*), with WeCom's shapes: the template's token (suite_access_token) from
// its secret and the newest pushed suite_ticket, cached in Redis like a corp's token and renewed on 40082 / 42009;
// pre-auth codes and their session (set_session_info); the exchange of create_auth's temporary code for the
// permanent one, and the authorisation's details.
import type { WecomSuiteConfig } from '../../../config/env.js';
import { AppError } from '../../../errors/app-error.js';
import { globalKey } from '../../../redis/keys.js';
import type { CredentialCache } from '../api/credential-cache.js';
import type { WecomClient } from '../api/wecom-client.js';
import { WecomApiError } from '../api/wecom-errors.js';
import type { SuiteTicketStore } from './suite-ticket-store.js';

/** 40082 invalid suite_access_token, 42009 expired: drop the cached one and fetch again, once. */
const SUITE_TOKEN_INVALID = new Set([40082, 42009]);

export interface PermanentCodeGrant {
  permanentCode: string;
  corpId: string;
  corpName: string;
  agentId: number;
  /** the admin who authorised (may be empty: WeCom does not always say) */
  adminUserid: string;
  state: string;
}

type AuthInfoJson = {
  auth_corp_info?: { corpid?: string; corp_name?: string };
  auth_info?: { agent?: { agentid?: number }[] };
};

const corpOf = (res: AuthInfoJson) => ({
  corpId: String(res.auth_corp_info?.corpid ?? ''),
  corpName: String(res.auth_corp_info?.corp_name ?? ''),
  agentId: Number(res.auth_info?.agent?.[0]?.agentid ?? 0),
});

export class SuiteApi {
  constructor(
    private suite: WecomSuiteConfig,
    private client: WecomClient,
    private cache: CredentialCache,
    private tickets: SuiteTicketStore,
  ) {}

  private get tokenKey() {
    return globalKey('wecom', 'suite', this.suite.suiteId, 'token');
  }

  token(): Promise<string> {
    return this.cache.get(this.tokenKey, async () => {
      const ticket = await this.tickets.current();
      if (!ticket)
        throw new AppError('service_unavailable', {
          message: '企业微信还没有把授权凭证（suite_ticket）推送给小二，请过几分钟再试；一直这样请联系小二服务商',
          // a wait, not a bug: the owner reads why (a 5xx's message is otherwise replaced by the generic one)
          reportable: false,
        });
      const res = await this.client.request(
        'POST',
        '/cgi-bin/service/get_suite_token',
        {},
        {
          suite_id: this.suite.suiteId,
          suite_secret: this.suite.secret,
          suite_ticket: ticket.ticket,
        },
      );
      return { value: String(res.suite_access_token), expiresIn: Number(res.expires_in) };
    });
  }

  private async call<T extends Record<string, unknown>>(
    method: 'GET' | 'POST',
    path: string,
    body?: Record<string, unknown>,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.token();
      try {
        return await this.client.request<T>(method, path, { suite_access_token: token }, body);
      } catch (err) {
        if (err instanceof WecomApiError && SUITE_TOKEN_INVALID.has(err.errcode) && attempt === 0) {
          await this.cache.invalidate(this.tokenKey, token);
          continue;
        }
        throw err;
      }
    }
  }

  /** A pre-auth code (20 minutes) set up for a real (0) or test (1) authorisation. */
  async preAuthCode(): Promise<{ preAuthCode: string; expiresIn: number }> {
    const res = await this.call<{ pre_auth_code: string; expires_in: number }>(
      'GET',
      '/cgi-bin/service/get_pre_auth_code',
    );
    await this.call('POST', '/cgi-bin/service/set_session_info', {
      pre_auth_code: res.pre_auth_code,
      session_info: { auth_type: this.suite.authType },
    });
    return { preAuthCode: res.pre_auth_code, expiresIn: Number(res.expires_in) };
  }

  /** create_auth's temporary code (single use, 10 minutes) → the permanent code: the 代开发 app's Secret. */
  async permanentCode(authCode: string): Promise<PermanentCodeGrant> {
    const res = await this.call<
      AuthInfoJson & { permanent_code?: string; auth_user_info?: { userid?: string }; state?: string }
    >('POST', '/cgi-bin/service/get_permanent_code', { auth_code: authCode });
    return {
      permanentCode: String(res.permanent_code),
      ...corpOf(res),
      adminUserid: String(res.auth_user_info?.userid ?? ''),
      state: String(res.state ?? ''),
    };
  }

  /** The authorisation as it stands (change_auth: the admin changed the app's range or permissions). */
  async authInfo(corpId: string, permanentCode: string): Promise<{ corpName: string; agentId: number }> {
    const res = await this.call<AuthInfoJson>('POST', '/cgi-bin/service/get_auth_info', {
      auth_corpid: corpId,
      permanent_code: permanentCode,
    });
    const { corpName, agentId } = corpOf(res);
    return { corpName, agentId };
  }
}
