// Typed wrappers for the WeCom calls the setup makes: the app's own details (agent/get), who may use 客户联系, the
// corp's 微信客服 accounts and an account's receptionists.
import type { WecomClient } from '../api/wecom-client.js';
import type { WecomCredentials } from '../wecom-app.repository.js';

export interface AgentDetails {
  name: string;
  /** the app was disabled in the admin console */
  closed: boolean;
  /** 网页授权及JS-SDK → 可信域名 ('' when not set) */
  redirectDomain: string;
}

export interface KfAccount {
  openKfId: string;
  name: string;
  /** the calling app may manage it (send, receive, assign sessions) */
  managePrivilege: boolean;
}

const KF_PAGE = 100;
/** WeCom allows 5,000 accounts per corp */
const KF_MAX_PAGES = 50;

const agentDetails = (res: Record<string, unknown>): AgentDetails => ({
  name: String(res.name ?? ''),
  closed: Number(res.close ?? 0) === 1,
  redirectDomain: String(res.redirect_domain ?? ''),
});

export class SetupApi {
  constructor(private client: WecomClient) {}

  async agent(app: WecomCredentials): Promise<AgentDetails> {
    return agentDetails(await this.client.get(app, '/cgi-bin/agent/get', { agentid: String(app.agentId) }));
  }

  /** The same for credentials not saved yet: a token of their own, nothing cached. */
  async agentWithFreshToken(app: WecomCredentials): Promise<AgentDetails> {
    return agentDetails(
      await this.client.getWithFreshToken(app, '/cgi-bin/agent/get', { agentid: String(app.agentId) }),
    );
  }

  /** Members with 客户联系 enabled, within the app's visible range. */
  async followUsers(app: WecomCredentials): Promise<string[]> {
    const res = await this.client.get(app, '/cgi-bin/externalcontact/get_follow_user_list');
    return ((res.follow_user ?? []) as unknown[]).map(String);
  }

  async kfAccounts(app: WecomCredentials): Promise<KfAccount[]> {
    const accounts: KfAccount[] = [];
    for (let page = 0; page < KF_MAX_PAGES; page++) {
      const res = await this.client.post(app, '/cgi-bin/kf/account/list', { offset: page * KF_PAGE, limit: KF_PAGE });
      const list = (res.account_list ?? []) as { open_kfid: string; name: string; manage_privilege?: boolean }[];
      accounts.push(
        ...list.map((a) => ({ openKfId: a.open_kfid, name: a.name, managePrivilege: a.manage_privilege === true })),
      );
      if (list.length < KF_PAGE) break;
    }
    return accounts;
  }

  /** An account's receptionists; status 0 means receiving sessions (WeCom then routes new sessions to them). */
  async kfServicers(app: WecomCredentials, openKfId: string): Promise<{ userid: string; status: number }[]> {
    const res = await this.client.get(app, '/cgi-bin/kf/servicer/list', { open_kfid: openKfId });
    return (res.servicer_list ?? []) as { userid: string; status: number }[];
  }
}
