// The setup's live checks, in the order the WeCom admin console's work is done: the Secret and the AgentId, the
// callback URL (reachable by us, verified by WeCom), 企业可信IP, the 客户联系 permission, the sidebar's trusted
// domain, and 微信客服 (the API permission, and each account the bot serves). Each one says what was found and,
// unless it passed, what to do — from the errcode catalogue, sharpened where an errcode means more in its place.
// A check that cannot run before an earlier one passes says so instead of repeating the earlier problem.
import type { SetupCheckStatus, WecomSetupCheckDto, WecomSetupStep } from '@xiaoer/common/schemas/wecom-setup';
import type { MerchantId } from '../../../tenancy/merchant-id.js';
import type { WecomClient } from '../api/wecom-client.js';
import {
  ERRCODES,
  explainWecomFailure,
  WecomApiError,
  WecomTransportError,
  type ErrcodeOverrides,
} from '../api/wecom-errors.js';
import { selfTestCallback } from '../callback/callback-self-test.js';
import type { WecomAppRepository, WecomCredentials } from '../wecom-app.repository.js';
import type { AgentDetails, KfAccount, SetupApi } from './setup-api.js';
import {
  AGENCY_CANCELLED_FIX,
  CONTACT_OVERRIDES,
  KF_ACCOUNT_OVERRIDES,
  KF_API_OVERRIDES,
  MANAGE_KF_FIX,
  NO_APP_MESSAGE,
  notAuthorisedKf,
} from './setup-texts.js';

export type SetupCheck = WecomSetupCheckDto;

export interface SetupCheckDeps {
  apps: WecomAppRepository;
  client: WecomClient;
  api: SetupApi;
  inbox: { lastReceivedAt(merchantId: MerchantId): Promise<Date | null> };
  egressIps: string[];
  /** told when 企业可信IP passes (way 1's first staff sync fails until it does); it must not throw */
  trustedIpPassed?: (merchantId: MerchantId) => Promise<void>;
}

const CHECKS = {
  secret: { step: 'credentials', title: '企业ID 和 Secret' },
  agent: { step: 'credentials', title: '应用 AgentId' },
  callback_reachable: { step: 'callback', title: '回调地址可以访问' },
  callback_verified: { step: 'callback', title: '企业微信验证回调地址' },
  trusted_ip: { step: 'trusted_ip', title: '企业可信IP' },
  customer_contact: { step: 'customer_contact', title: '客户联系权限' },
  jssdk_domain: { step: 'jssdk_domain', title: '侧边栏可信域名' },
  kf_api: { step: 'kf', title: '微信客服接口权限' },
  kf_chosen: { step: 'kf', title: '小二接待的客服账号' },
} as const satisfies Record<string, { step: WecomSetupStep; title: string }>;
type CheckKey = keyof typeof CHECKS;

const RECEPTIONIST_ONLINE = ERRCODES[95018]!;

/** A check's outcome before its key, step and title are attached. */
interface Outcome {
  status: SetupCheckStatus;
  message: string;
  fix?: string;
}
const ok = (message: string): Outcome => ({ status: 'ok', message });
const failed = (message: string, fix: string): Outcome => ({ status: 'failed', message, fix });
const skipped = (message: string): Outcome => ({ status: 'skipped', message });
const wecomFailure = (err: unknown, overrides?: ErrcodeOverrides): Outcome => {
  // anything but WeCom's answer or its absence is our own bug: not to be dressed up as a configuration problem
  if (!(err instanceof WecomApiError || err instanceof WecomTransportError)) throw err;
  return { status: 'failed', ...explainWecomFailure(err, overrides) };
};
const isIpRefusal = (err: unknown) => err instanceof WecomApiError && err.errcode === 60020;

export class SetupCheckService {
  constructor(private d: SetupCheckDeps) {}

  async run(merchantId: MerchantId, publicUrl: string): Promise<SetupCheck[]> {
    const checks: SetupCheck[] = [];
    const add = (key: CheckKey, outcome: Outcome) => checks.push({ key, ...CHECKS[key], ...outcome });
    const app = await this.d.apps.findByMerchant(merchantId);
    if (!app) {
      // way 2's app whose authorisation the admin cancelled is kept, not in use
      const cancelled = (await this.d.apps.findSetup(merchantId))?.disabledAt;
      add(
        'secret',
        cancelled
          ? failed('企业微信管理员已取消对小二的授权，小二暂停了本店的企业微信消息', AGENCY_CANCELLED_FIX)
          : { status: 'waiting', message: '还没有填写企业微信应用信息', fix: NO_APP_MESSAGE },
      );
      for (const key of Object.keys(CHECKS) as CheckKey[]) if (key !== 'secret') add(key, skipped(NO_APP_MESSAGE));
      return checks;
    }
    let tokenError: unknown;
    await this.d.client.fetchFreshToken(app).catch((err: unknown) => (tokenError = err ?? new Error('unknown')));
    // should WeCom refuse even the token to an address outside 企业可信IP, the Secret cannot be judged yet
    const tokenIpRefused = isIpRefusal(tokenError);
    add(
      'secret',
      tokenIpRefused
        ? skipped('设置企业可信IP后才能验证 Secret')
        : tokenError
          ? wecomFailure(tokenError)
          : ok(`企业 ${app.corpId} 的 Secret 正确`),
    );
    const callback = await this.callbackChecks(merchantId, app, publicUrl);
    if (tokenError) {
      const wait = skipped(tokenIpRefused ? '先完成企业可信IP' : '先解决 Secret 的问题');
      add('agent', wait);
      add('callback_reachable', callback.reachable);
      add('callback_verified', callback.verified);
      add('trusted_ip', tokenIpRefused ? this.ipRefused() : wait);
      for (const key of ['customer_contact', 'jssdk_domain', 'kf_api', 'kf_chosen'] as const) add(key, wait);
      return checks;
    }
    let agent: AgentDetails | undefined;
    let agentError: unknown;
    try {
      agent = await this.d.api.agent(app);
    } catch (err) {
      agentError = err;
    }
    const ipRefused = isIpRefusal(agentError);
    add(
      'agent',
      agent
        ? agent.closed
          ? failed(`应用「${agent.name}」已停用`, '到企业微信管理后台 → 应用管理 → 小二，点“启用”')
          : ok(`应用「${agent.name}」（AgentId ${app.agentId}）`)
        : ipRefused
          ? skipped('先完成企业可信IP')
          : wecomFailure(agentError),
    );
    add('callback_reachable', callback.reachable);
    add('callback_verified', callback.verified);
    add(
      'trusted_ip',
      ipRefused
        ? this.ipRefused()
        : agentError instanceof WecomTransportError
          ? skipped('无法连接企业微信')
          : ok('小二服务器的 IP 已在企业可信IP中'),
    );
    if (ipRefused) {
      for (const key of ['customer_contact', 'jssdk_domain', 'kf_api', 'kf_chosen'] as const)
        add(key, skipped('先完成企业可信IP'));
      return checks;
    }
    if (agent) await this.d.trustedIpPassed?.(merchantId);
    add('customer_contact', await this.customerContact(app));
    add('jssdk_domain', agent ? this.trustedDomain(agent, publicUrl) : skipped('先解决 AgentId 的问题'));
    await this.kfChecks(app, add, (check) => checks.push(check));
    return checks;
  }

  private async callbackChecks(merchantId: MerchantId, app: WecomCredentials, publicUrl: string) {
    const [selfTest, setup, lastEventAt] = await Promise.all([
      selfTestCallback(app, publicUrl),
      this.d.apps.findSetup(merchantId),
      this.d.inbox.lastReceivedAt(merchantId),
    ]);
    const reachable = selfTest.ok
      ? ok(`回调地址 ${selfTest.url} 可以访问，并能通过企业微信的校验`)
      : selfTest.reason === 'unreachable'
        ? failed(
            `回调地址 ${selfTest.url} 无法访问（${selfTest.detail}），企业微信也访问不到它`,
            '这是小二服务器的问题，不在企业微信后台：请联系小二服务商检查域名解析、HTTPS 证书和防火墙',
          )
        : failed(
            `回调地址 ${selfTest.url} 没有正确应答，企业微信无法通过校验`,
            '这是小二服务器的问题，不在企业微信后台：请联系小二服务商（域名可能指向了别的服务器）',
          );
    const paste =
      '到企业微信管理后台 → 应用管理 → 小二 → 接收消息 → 设置API接收，填入这里给出的 URL、Token 和 EncodingAESKey，点保存。' +
      '企业微信提示“回调地址请求不通过”时，请核对三项与这里完全一致';
    const verified = setup?.callbackVerifiedAt
      ? ok('企业微信已验证回调地址')
      : setup?.mode === 'agency'
        ? ok('扫码授权的应用由小二服务商统一接收消息，无需在企业微信后台填写')
        : lastEventAt
          ? ok('企业微信已经在向回调地址推送消息')
          : reachable.status === 'ok'
            ? { status: 'waiting' as const, message: '企业微信还没有验证回调地址', fix: paste }
            : failed('企业微信还没有验证回调地址，也无法验证：回调地址访问不到', reachable.fix!);
    return { reachable, verified };
  }

  private ipRefused(): Outcome {
    const ips = this.d.egressIps;
    return failed(
      `小二服务器的 IP 不在企业可信IP中（错误码 60020），调用企业微信接口都会被拒绝`,
      ips.length
        ? `到企业微信管理后台 → 应用管理 → 小二 → 企业可信IP，添加 ${ips.join('、')}（需要先完成“接收消息”的设置才能填写）`
        : `到企业微信管理后台 → 应用管理 → 小二 → 企业可信IP，添加小二服务器的出口 IP。小二服务商还没有登记这个 IP，请先向服务商获取`,
    );
  }

  private async customerContact(app: WecomCredentials): Promise<Outcome> {
    try {
      const users = await this.d.api.followUsers(app);
      return users.length
        ? ok(`${users.length} 名成员可以用客户联系接待客户`)
        : failed(
            '还没有成员可以使用客户联系',
            '到企业微信管理后台 → 客户与上下游 → 客户联系 → 权限配置 → 使用范围，添加要接待客户的员工，并确认他们在小二应用的可见范围内',
          );
    } catch (err) {
      return wecomFailure(err, CONTACT_OVERRIDES);
    }
  }

  /** The sidebar's ww.register verifies only on the app's 可信域名 (what the sidebar's boot reports as 页面域名还不是可信域名). */
  private trustedDomain(agent: AgentDetails, publicUrl: string): Outcome {
    const host = new URL(publicUrl).host;
    const fix = `到企业微信管理后台 → 应用管理 → 小二 → 网页授权及JS-SDK，把「${host}」设为可信域名（企业微信会要求在该域名下放置校验文件，请联系小二服务商）`;
    if (agent.redirectDomain === host) return ok(`可信域名已设为 ${host}，侧边栏可以使用`);
    if (!agent.redirectDomain) return failed('侧边栏的可信域名还没有设置，侧边栏无法在企业微信里打开', fix);
    return failed(
      `可信域名是「${agent.redirectDomain}」，不是小二侧边栏的「${host}」，侧边栏无法在企业微信里打开`,
      fix,
    );
  }

  private async kfChecks(
    app: WecomCredentials,
    add: (key: CheckKey, outcome: Outcome) => void,
    push: (check: SetupCheck) => void,
  ): Promise<void> {
    let accounts: KfAccount[] | undefined;
    try {
      accounts = await this.d.api.kfAccounts(app);
    } catch (err) {
      add('kf_api', wecomFailure(err, KF_API_OVERRIDES));
    }
    if (accounts) {
      const managed = accounts.filter((a) => a.managePrivilege).length;
      add(
        'kf_api',
        !accounts.length
          ? failed('企业还没有微信客服账号', '到企业微信管理后台 → 微信客服，创建一个客服账号')
          : !managed
            ? failed(`找到 ${accounts.length} 个微信客服账号，但没有一个授权给小二的应用管理`, MANAGE_KF_FIX)
            : ok(`找到 ${accounts.length} 个微信客服账号，其中 ${managed} 个授权给了小二`),
      );
    }
    add(
      'kf_chosen',
      app.kfAccounts.length
        ? ok(`小二接待 ${app.kfAccounts.length} 个客服账号`)
        : { status: 'waiting', message: '还没有选择由小二接待的客服账号', fix: '在下方的客服账号列表里勾选，然后保存' },
    );
    for (const served of app.kfAccounts) {
      const outcome = accounts ? await this.servedAccount(app, served, accounts) : skipped('先解决微信客服接口权限');
      push({ key: `kf:${served.openKfId}`, step: 'kf', title: `微信客服「${served.name}」`, ...outcome });
    }
  }

  private async servedAccount(
    app: WecomCredentials,
    served: { openKfId: string; name: string },
    accounts: KfAccount[],
  ): Promise<Outcome> {
    const listed = accounts.find((a) => a.openKfId === served.openKfId);
    if (!listed)
      return failed('企业微信里已经没有这个客服账号', '在下方的客服账号列表里重新选择小二接待的账号，然后保存');
    if (!listed.managePrivilege) return failed(notAuthorisedKf(listed.name), MANAGE_KF_FIX);
    try {
      const servicers = await this.d.api.kfServicers(app, served.openKfId);
      // WeCom then hands new sessions to a person, and the bot's sends fail with 95018
      if (servicers.some((s) => s.status === 0))
        return failed('这个客服账号有接待人员在接待，企业微信会把会话交给人，小二无法回复', RECEPTIONIST_ONLINE.fix);
      return ok('小二可以读取和回复这个客服账号的消息');
    } catch (err) {
      return wecomFailure(err, KF_ACCOUNT_OVERRIDES);
    }
  }
}
