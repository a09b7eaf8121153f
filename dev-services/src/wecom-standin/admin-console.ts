// What a corp's admin does in the WeCom admin console (work.weixin.qq.com) while connecting a self-built app, as
// seed 001's SOP lists it: create the app, fill 接收消息 (WeCom saves it only after the URL answers a signed
// echostr GET), add 企业可信IP (refused until a callback URL or a trusted domain is set), set the 可信域名, give the
// app the 客户联系 and 微信客服 APIs and the 微信客服 accounts it may manage, choose who may use 客户联系. Each
// setting can be taken back, so a test can reproduce each way a setup goes wrong.
import { randomBytes } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';
import type { App, Corp, StandInState } from './state.js';

const ALNUM = /^[A-Za-z0-9]+$/;

export type AdminResult = { ok: true } | { ok: false; error: string };

export interface NewApp {
  corpId?: string;
  agentId?: number;
  name?: string;
  members?: { userid: string; name: string }[];
  kfAccounts?: { openKfId: string; name: string }[];
}

export interface AppPermissions {
  /** 客户联系 → API → 可调用接口的应用 */
  customerContact?: boolean;
  /** 微信客服 → API → 可调用接口的应用 */
  kf?: boolean;
  /** 「可管理的客服账号」: null gives the app every account */
  kfManaged?: string[] | null;
  /** 客户联系 → 权限配置 → 使用范围: null opens it to every member */
  followUsers?: string[] | null;
}

export class AdminConsole {
  constructor(private state: StandInState) {}

  private corp(corpId: string): Corp {
    const corp = this.state.corp(corpId);
    if (!corp) throw new Error(`no corp ${corpId}`);
    return corp;
  }

  private app(corpId: string, agentId?: number): App {
    const apps = this.corp(corpId).apps;
    const app = agentId === undefined ? apps[0] : apps.find((a) => a.agentId === agentId);
    if (!app) throw new Error(`no app ${agentId ?? ''} in corp ${corpId}`);
    return app;
  }

  /**
   * 应用管理 → 自建 → 创建应用, in a new corp unless one is named. A new app, as WeCom makes it today: no 客户联系
   * or 微信客服 API, no 可信域名, and (for apps created since mid-2022) every API call refused with 60020 until
   * 企业可信IP is set.
   */
  createsApp(options: NewApp = {}): { corpId: string; agentId: number; secret: string } {
    const corpId = options.corpId ?? `ww${randomBytes(8).toString('hex')}`;
    const corp =
      this.state.corp(corpId) ?? this.state.addCorp({ corpId, apps: [], ipBlocked: true, trustedDomains: [] });
    const agentId = options.agentId ?? 1000002 + corp.apps.length;
    const secret = randomBytes(32).toString('base64url').slice(0, 43);
    corp.apps.push({
      agentId,
      secret,
      name: options.name ?? '小二',
      kfAuthorised: false,
      contactAuthorised: false,
    });
    for (const m of options.members ?? []) this.state.addMember(corpId, m.userid, m.name);
    for (const k of options.kfAccounts ?? []) this.state.kfAccounts.set(k.openKfId, { corpId, ...k });
    return { corpId, agentId, secret };
  }

  /** 应用详情 → Secret → 重新获取: the old secret stops working. */
  resetsSecret(corpId: string, agentId?: number): string {
    const app = this.app(corpId, agentId);
    app.secret = randomBytes(32).toString('base64url').slice(0, 43);
    return app.secret;
  }

  /**
   * 接收消息 → 设置API接收 → 保存: WeCom sends the signed, encrypted echostr to the URL and saves the settings only
   * if the plaintext comes back within its timeout; otherwise the admin sees "openapi回调地址请求不通过".
   */
  async savesCallback(
    corpId: string,
    settings: { url: string; token: string; encodingAesKey: string },
    timeoutMs = 5000,
  ): Promise<AdminResult> {
    const corp = this.corp(corpId);
    if (!ALNUM.test(settings.token) || settings.token.length > 32)
      return { ok: false, error: 'Token 只能是英文或数字，不超过32位' };
    if (!ALNUM.test(settings.encodingAesKey) || settings.encodingAesKey.length !== 43)
      return { ok: false, error: 'EncodingAESKey 必须是43位英文或数字' };
    const echo = String(Math.floor(Math.random() * 1e18));
    const echostr = encrypt(settings.encodingAesKey, echo, corpId);
    const timestamp = String(Math.floor(this.state.now() / 1000));
    const nonce = String(Math.floor(Math.random() * 1e10));
    const query = new URLSearchParams({
      msg_signature: getSignature(settings.token, timestamp, nonce, echostr),
      timestamp,
      nonce,
      echostr,
    });
    let answer: string;
    try {
      const res = await fetch(`${settings.url}${settings.url.includes('?') ? '&' : '?'}${query}`, {
        signal: AbortSignal.timeout(timeoutMs),
      });
      answer = res.ok ? await res.text() : `HTTP ${res.status}`;
    } catch (e) {
      return { ok: false, error: `openapi回调地址请求不通过（${(e as Error).message}）` };
    }
    if (answer !== echo) return { ok: false, error: 'openapi回调地址请求不通过' };
    corp.callback = { ...settings };
    return { ok: true };
  }

  /** 应用详情 → 企业可信IP: WeCom lets it be set only once a callback URL or a trusted domain is. */
  setsTrustedIps(corpId: string): AdminResult {
    const corp = this.corp(corpId);
    if (!corp.callback && !corp.trustedDomains?.length)
      return { ok: false, error: '请先设置可信域名或接收消息服务器URL' };
    corp.ipBlocked = false;
    return { ok: true };
  }

  /** Takes our server's IP off the list again: API calls answer 60020. */
  removesTrustedIps(corpId: string): void {
    this.corp(corpId).ipBlocked = true;
  }

  /** 网页授权及JS-SDK → 可信域名 (an empty domain clears it). */
  setsTrustedDomain(corpId: string, domain: string): void {
    this.corp(corpId).trustedDomains = domain ? [domain] : [];
  }

  /** The app's API permissions and who may use 客户联系; what is left out stays as it is. */
  setsPermissions(corpId: string, permissions: AppPermissions, agentId?: number): void {
    const app = this.app(corpId, agentId);
    if (permissions.customerContact !== undefined) app.contactAuthorised = permissions.customerContact;
    if (permissions.kf !== undefined) app.kfAuthorised = permissions.kf;
    if (permissions.kfManaged !== undefined) app.kfManaged = permissions.kfManaged ?? undefined;
    if (permissions.followUsers !== undefined) this.corp(corpId).followUsers = permissions.followUsers ?? undefined;
  }

  /** The loopback control endpoints (`/__standin/admin/<action>`), for tests and demos driving a browser. */
  async control(action: string, body: Record<string, any>): Promise<unknown> {
    const corpId = String(body.corpId ?? '');
    const agentId = body.agentId === undefined ? undefined : Number(body.agentId);
    switch (action) {
      case 'create-app':
        return this.createsApp(body as NewApp);
      case 'reset-secret':
        return { secret: this.resetsSecret(corpId, agentId) };
      case 'save-callback':
        return this.savesCallback(corpId, {
          url: String(body.url ?? ''),
          token: String(body.token ?? ''),
          encodingAesKey: String(body.encodingAesKey ?? ''),
        });
      case 'set-trusted-ips':
        return this.setsTrustedIps(corpId);
      case 'set-trusted-domain':
        this.setsTrustedDomain(corpId, String(body.domain ?? ''));
        return { ok: true };
      case 'set-permissions':
        this.setsPermissions(corpId, body as AppPermissions, agentId);
        return { ok: true };
      default:
        throw new Error(`unknown admin action ${action}`);
    }
  }
}
