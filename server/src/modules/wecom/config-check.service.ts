// The configuration check: the most common reason a WeCom integration "does not work" is the merchant's admin
// console (secret, trusted IP, callback URL, API permissions, 微信客服 authorisation, receptionists). Each check
// runs live against WeCom and says in plain Chinese what is wrong and how to fix it.
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { selfTestCallback } from './callback/callback-self-test.js';
import type { StaffDirectory } from './staff-directory.js';
import type { WecomClient } from './api/wecom-client.js';
import { explainWecomFailure, WecomApiError } from './api/wecom-errors.js';
import type { WecomAppRepository, WecomCredentials } from './wecom-app.repository.js';

export interface CheckResult {
  key: string;
  title: string;
  ok: boolean;
  message: string;
  fix?: string;
}

const passed = (key: string, title: string, message: string): CheckResult => ({ key, title, ok: true, message });

/** A check that failed for a reason of our own finding, already phrased for the merchant. */
class CheckFailure extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

function failed(key: string, title: string, err: unknown): CheckResult {
  if (err instanceof CheckFailure) return { key, title, ok: false, message: err.message, fix: err.fix };
  return { key, title, ok: false, ...explainWecomFailure(err) };
}

export class ConfigCheckService {
  constructor(
    private apps: WecomAppRepository,
    private staff: StaffDirectory,
    private client: WecomClient,
  ) {}

  async run(merchantId: MerchantId, callbackBaseUrl: string): Promise<CheckResult[]> {
    const app = await this.apps.findByMerchant(merchantId);
    if (!app)
      return [
        {
          key: 'app',
          title: '企业微信应用',
          ok: false,
          message: '还没有填写企业微信应用信息',
          fix: '在小二的“设置 → 企业微信”中填写企业ID、应用AgentId、Secret、回调Token和EncodingAESKey',
        },
      ];
    const results: CheckResult[] = [passed('app', '企业微信应用', `已接入企业 ${app.corpId}，应用 ${app.agentId}`)];
    const step = async (key: string, title: string, run: () => Promise<string>) => {
      try {
        results.push(passed(key, title, await run()));
      } catch (err) {
        results.push(failed(key, title, err));
      }
    };
    await step('secret', '应用 Secret', async () => {
      await this.client.fetchFreshToken(app);
      return 'Secret 正确，可以获取 access_token';
    });
    if (!results.at(-1)!.ok) return results; // nothing else can work without a token
    await step('callback', '回调地址', () => this.checkCallback(app, callbackBaseUrl));
    await step('contacts', '客户联系权限', async () => {
      const member = (await this.staff.list(merchantId))[0];
      if (!member) return '还没有员工，跳过';
      await this.client.get(app, '/cgi-bin/externalcontact/list', { userid: member.wecomUserId });
      return '可以读取员工的客户列表';
    });
    await step('tags', '客户标签权限', async () => {
      await this.client.post(app, '/cgi-bin/externalcontact/get_corp_tag_list', {});
      return '可以读取和管理企业客户标签';
    });
    await step('jssdk', '侧边栏 JS-SDK', async () => {
      await this.client.get(app, '/cgi-bin/get_jsapi_ticket');
      return '可以为侧边栏签名';
    });
    for (const kf of app.kfAccounts) {
      await step(`kf:${kf.openKfId}`, `微信客服「${kf.name}」`, async () => {
        await this.client.post(app, '/cgi-bin/kf/sync_msg', { open_kfid: kf.openKfId, limit: 1 });
        const servicers = await this.client.get(app, '/cgi-bin/kf/servicer/list', { open_kfid: kf.openKfId });
        const online = ((servicers.servicer_list ?? []) as { status: number }[]).some((s) => s.status === 0);
        if (online) throw new WecomApiError(95018, 'receptionist online', '/cgi-bin/kf/servicer/list');
        return '小二可以读取和回复这个客服账号的消息';
      });
    }
    return results;
  }

  /** Calls our own public callback URL the way WeCom verifies it, and expects the echo back. */
  private async checkCallback(app: WecomCredentials, baseUrl: string): Promise<string> {
    const result = await selfTestCallback(app, baseUrl);
    if (!result.ok && result.reason === 'unreachable') {
      throw new CheckFailure(
        `回调地址 ${result.url} 无法访问（${result.detail}）`,
        '请确认域名已解析到小二服务器、HTTPS 证书有效，并且防火墙允许访问',
      );
    }
    if (!result.ok) {
      throw new CheckFailure(
        `回调地址 ${result.url} 没有正确应答`,
        '到企业微信管理后台 → 应用管理 → 接收消息，核对 URL、Token 和 EncodingAESKey 与小二中填写的一致',
      );
    }
    return `回调地址 ${result.url} 可以通过企业微信的校验`;
  }
}
