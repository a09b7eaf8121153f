// The WeCom side of 服务商代开发: the provider's template registered, suite_ticket pushed (every 10 minutes, or on
// demand as the provider console's "刷新Ticket" does), and what a corp's admin does — scan the authorisation QR
// (create_auth with the link's state), change the app's authorisation (change_auth), cancel it (cancel_auth).
// Instructions go to the template's 指令回调URL, encrypted with its EncodingAESKey for the template's id and signed
// with its Token, as WeCom sends them; WeCom wants "success" back within 1 s.
import { randomBytes } from 'node:crypto';
import { encrypt, getSignature } from '@wecom/crypto';
import { toXml, type DeliveryAttempt } from './callback-sender.js';
import type { StandInState } from './state.js';
import { AUTH_CODE_TTL_MS, SUITE_TICKET_TTL_MS, type SuiteTemplate } from './suite-state.js';

type Fields = Record<string, string | number | undefined>;

export interface Scan {
  /** the authorisation link the product showed (its suite_id, pre_auth_code and state are read from it) */
  installUrl: string;
  /** the admin's corp: an existing stand-in corp, or a new one */
  corpId?: string;
  corpName?: string;
  adminUserid?: string;
  members?: { userid: string; name: string }[];
  kfAccounts?: { openKfId: string; name: string }[];
  /** the template's permissions as the admin grants them (both by default) */
  customerContact?: boolean;
  kf?: boolean;
  /** false: WeCom pushes no create_auth and hands the code only to redirect_uri (an install begun from a link) */
  push?: boolean;
}

export class SuiteConsole {
  private timer?: NodeJS.Timeout;
  /** the last instruction as sent, to deliver it again exactly (WeCom's retry) */
  private last?: { query: URLSearchParams; body: string };

  constructor(private state: StandInState) {}

  private get template(): SuiteTemplate {
    const t = this.state.suite.template;
    if (!t) throw new Error('no 代开发 template configured (POST /__standin/suite/configure)');
    return t;
  }

  configures(template: SuiteTemplate): void {
    this.state.suite.template = template;
  }

  /** The POST WeCom sends to the 指令回调URL (receiveid: the template id). */
  seal(fields: Fields): { query: URLSearchParams; body: string } {
    const t = this.template;
    const ciphertext = encrypt(t.encodingAesKey, toXml(fields), t.suiteId);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(8).toString('hex');
    const query = new URLSearchParams({
      msg_signature: getSignature(t.token, timestamp, nonce, ciphertext),
      timestamp,
      nonce,
    });
    return { query, body: toXml({ ToUserName: t.suiteId, Encrypt: ciphertext, AgentID: '' }) };
  }

  async deliver(sealed: { query: URLSearchParams; body: string }, timeoutMs = 5000): Promise<DeliveryAttempt[]> {
    this.last = sealed;
    const attempts: DeliveryAttempt[] = [];
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      try {
        const res = await fetch(`${this.template.instructionUrl}?${sealed.query}`, {
          method: 'POST',
          headers: { 'content-type': 'text/xml' },
          body: sealed.body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        attempts.push({ status: res.status, body: await res.text(), ms: Date.now() - started });
        if (res.ok) return attempts;
      } catch (e) {
        attempts.push({ error: (e as Error).message, ms: Date.now() - started });
      }
    }
    return attempts;
  }

  private push(fields: Fields) {
    return this.deliver(this.seal({ SuiteId: this.template.suiteId, ...fields, TimeStamp: nowSeconds() }));
  }

  /** WeCom's retry of the last instruction: the very same request again. */
  redeliversLast(): Promise<DeliveryAttempt[]> {
    if (!this.last) throw new Error('no instruction sent yet');
    return this.deliver(this.last);
  }

  async pushesTicket(): Promise<{ ticket: string; deliveries: DeliveryAttempt[] }> {
    const ticket = `st_${randomBytes(24).toString('hex')}`;
    this.state.suite.tickets.set(ticket, { expiresAt: this.state.now() + SUITE_TICKET_TTL_MS });
    return { ticket, deliveries: await this.push({ InfoType: 'suite_ticket', SuiteTicket: ticket }) };
  }

  /** suite_ticket every `everyMs` (WeCom: 10 minutes), the first one now. */
  startsTicketTimer(everyMs = 600_000): void {
    this.stopsTicketTimer();
    const tick = () => void this.pushesTicket().catch(() => undefined);
    tick();
    this.timer = setInterval(tick, everyMs);
    this.timer.unref();
  }

  stopsTicketTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * The admin opens the authorisation link and scans it with WeCom: the template is installed in the admin's corp
   * as an app whose Secret is the permanent code, and create_auth (temporary AuthCode, the link's State) is pushed;
   * `redirectUrl` is where WeCom's page then sends the admin's browser (redirect_uri with auth_code and state).
   */
  async scans(scan: Scan) {
    const t = this.template;
    const link = new URL(scan.installUrl);
    const preAuthCode = link.searchParams.get('pre_auth_code') ?? '';
    const pre = this.state.suite.preAuthCodes.get(preAuthCode);
    if (link.searchParams.get('suite_id') !== t.suiteId) throw new Error('链接中的应用不存在（suite_id 不对）');
    if (!pre || pre.expiresAt <= this.state.now()) throw new Error('授权链接已失效（pre_auth_code 无效或已过期）');
    if (pre.authType === undefined) throw new Error('preauthcode校验失败（没有设置授权配置 set_session_info）');
    const state = link.searchParams.get('state') ?? '';
    const corpId = scan.corpId ?? `ww${randomBytes(8).toString('hex')}`;
    const corp = this.state.corp(corpId) ?? this.state.addCorp({ corpId, apps: [], trustedDomains: [] });
    // the provider's own 可信IP and 可信域名 (set on the template) cover a 代开发 app: nothing for the admin to set
    corp.ipBlocked = false;
    corp.trustedDomains = [new URL(t.dataUrl).host];
    corp.callback = {
      url: t.dataUrl.replace('$CORPID$', corpId),
      token: t.token,
      encodingAesKey: t.encodingAesKey,
    };
    for (const m of scan.members ?? []) this.state.addMember(corpId, m.userid, m.name);
    for (const k of scan.kfAccounts ?? []) this.state.kfAccounts.set(k.openKfId, { corpId, ...k });
    const previous = this.state.suite.authorisations.get(corpId);
    const agentId = previous?.agentId ?? 1000100 + corp.apps.length;
    corp.apps = corp.apps.filter((a) => a.agentId !== agentId);
    // a corp that has the template already keeps its permanent code (WeCom issues one per corp and template)
    const permanentCode =
      previous && !previous.cancelled ? previous.permanentCode : randomBytes(32).toString('base64url').slice(0, 43);
    corp.apps.push({
      agentId,
      secret: permanentCode,
      name: '小二',
      contactAuthorised: scan.customerContact ?? true,
      kfAuthorised: scan.kf ?? true,
    });
    this.state.suite.authorisations.set(corpId, {
      corpId,
      corpName: scan.corpName ?? '小店',
      agentId,
      permanentCode,
      state,
      adminUserid: scan.adminUserid ?? scan.members?.[0]?.userid ?? 'admin',
      cancelled: false,
    });
    const authCode = `ac_${randomBytes(40).toString('base64url')}`;
    this.state.suite.authCodes.set(authCode, {
      corpId,
      expiresAt: this.state.now() + AUTH_CODE_TTL_MS,
      used: false,
      state,
      preAuthCode,
    });
    this.state.suite.preAuthCodes.delete(preAuthCode);
    // where WeCom's page sends the admin's browser next: redirect_uri?auth_code=…&expires_in=600&state=…
    const back = URL.canParse(link.searchParams.get('redirect_uri') ?? '')
      ? new URL(link.searchParams.get('redirect_uri')!)
      : new URL('http://invalid/redirect_uri');
    back.searchParams.set('auth_code', authCode);
    back.searchParams.set('expires_in', String(AUTH_CODE_TTL_MS / 1000));
    back.searchParams.set('state', state);
    const deliveries =
      scan.push === false ? [] : await this.push({ AuthCode: authCode, InfoType: 'create_auth', State: state });
    return { corpId, agentId, authCode, redirectUrl: back.toString(), deliveries };
  }

  /** The admin changed the app's visible range or permissions. */
  async changes(corpId: string) {
    return { deliveries: await this.push({ InfoType: 'change_auth', AuthCorpId: corpId }) };
  }

  /** The admin cancelled the authorisation: the app is gone, its tokens stop working, no more data callbacks. */
  async cancels(corpId: string) {
    const a = this.state.suite.authorisations.get(corpId);
    if (!a) throw new Error(`corp ${corpId} has not authorised the template`);
    a.cancelled = true;
    const corp = this.state.corp(corpId)!;
    corp.apps = corp.apps.filter((app) => app.agentId !== a.agentId);
    corp.callback = undefined;
    for (const [token, issued] of this.state.tokens)
      if (issued.corpId === corpId && issued.agentId === a.agentId) this.state.tokens.delete(token);
    return { deliveries: await this.push({ InfoType: 'cancel_auth', AuthCorpId: corpId }) };
  }

  /** The loopback control endpoints (`/__standin/suite/<action>`). */
  async control(action: string, body: Record<string, any>): Promise<unknown> {
    switch (action) {
      case 'configure':
        this.configures(body as SuiteTemplate);
        return { ok: true };
      case 'push-ticket':
        return this.pushesTicket();
      case 'start-ticket-timer':
        this.startsTicketTimer(body.everyMs === undefined ? undefined : Number(body.everyMs));
        return { ok: true };
      case 'scan':
        return this.scans(body as Scan);
      case 'change':
        return this.changes(String(body.corpId ?? ''));
      case 'cancel':
        return this.cancels(String(body.corpId ?? ''));
      case 'redeliver':
        return { deliveries: await this.redeliversLast() };
      default:
        throw new Error(`unknown suite action ${action}`);
    }
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
