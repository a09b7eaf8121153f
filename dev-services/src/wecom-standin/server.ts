// The WeCom stand-in: a loopback HTTP server speaking the qyapi endpoints the product uses (and WeChat's
// jscode2session) with WeCom's response shapes, errcodes and limits. The product reaches it only through its
// configurable API base URL, so the product cannot tell the difference. Dev and test tool only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { agentRoutes } from './api/agent.js';
import { authRoutes } from './api/auth.js';
import { contactRoutes } from './api/contacts.js';
import { directoryRoutes } from './api/directory.js';
import { kfRoutes } from './api/kf.js';
import { messageRoutes } from './api/messages.js';
import { tagRoutes } from './api/tags.js';
import { groupRoutes } from './api/groups.js';
import { FILE_ANSWER, mediaRoutes, type FileAnswer } from './api/media.js';
import { suiteRoutes } from './api/suite.js';
import { issueMiniProgramCode, wxBridgeScript } from './wxbridge.js';
import { bridgeScript, verifyJsApi } from './jsbridge.js';
import type { ApiRoute } from './api/types.js';
import { AdminConsole } from './admin-console.js';
import { WecomFault, fault } from './errors.js';
import { CustomerSimulator } from './simulator.js';
import { MemberSimulator } from './member-simulator.js';
import { StandInState, type Corp } from './state.js';
import { SuiteConsole } from './suite-console.js';

const ROUTES: Record<string, ApiRoute> = {
  ...agentRoutes,
  ...authRoutes,
  ...contactRoutes,
  ...directoryRoutes,
  ...groupRoutes,
  ...kfRoutes,
  ...mediaRoutes,
  ...messageRoutes,
  ...suiteRoutes,
  ...tagRoutes,
};
const MAX_BODY = 20 * 1024 * 1024;

/** The file part of a multipart upload: its name and size (the stand-in keeps no content). */
function readUpload(raw: Buffer, boundary: string): { filename?: string; bytes: number } {
  const text = raw.toString('latin1');
  const head = /filename="([^"]*)"[^]*?\r\n\r\n/.exec(text);
  if (!head) return { bytes: 0 };
  const start = head.index + head[0].length;
  const end = text.indexOf(`\r\n--${boundary.replace(/^"|"$/g, '')}`, start);
  return { filename: head[1], bytes: (end < 0 ? text.length : end) - start };
}

export class WecomStandIn {
  readonly state = new StandInState();
  readonly customers = new CustomerSimulator(this.state);
  /** what happens in the corp's 通讯录: members join, change, leave (change_contact callbacks) */
  readonly directory = new MemberSimulator(this.state);
  /** what the corp's admin does in the WeCom admin console while connecting an app */
  readonly admin = new AdminConsole(this.state);
  /** 服务商代开发: the provider's template, its instruction callbacks, and the admin scanning its QR */
  readonly suite = new SuiteConsole(this.state);
  private server?: http.Server;
  url = '';

  async start(port = 0): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.suite.stopsTicketTimer();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Sets up a corp with one app, its members and 微信客服 accounts. */
  seedCorp(
    corp: Corp,
    members: { userid: string; name: string }[] = [],
    kfAccounts: { openKfId: string; name: string }[] = [],
  ): void {
    this.state.addCorp(corp);
    for (const m of members) this.state.addMember(corp.corpId, m.userid, m.name);
    for (const k of kfAccounts) this.state.kfAccounts.set(k.openKfId, { corpId: corp.corpId, ...k });
  }

  /** Runs one API call and returns WeCom's JSON answer (errcode 0 on success). */
  call(method: string, path: string, query: URLSearchParams, body: Record<string, unknown>): Record<string, unknown> {
    const route = ROUTES[`${method} ${path}`];
    if (!route) return { errcode: 404, errmsg: `stand-in has no ${method} ${path}` };
    const { state } = this;
    state.calls.set(path, (state.calls.get(path) ?? 0) + 1);
    try {
      let corpId = '';
      let agentId = 0;
      if (route.authenticated !== false) {
        const tokenValue = query.get('access_token');
        if (!tokenValue) throw fault(41001, 'access_token missing');
        const token = state.tokens.get(tokenValue);
        if (!token) throw fault(40014, 'invalid access_token');
        if (token.expiresAt <= state.now()) throw fault(42001, 'access_token expired');
        ({ corpId, agentId } = token);
        const corp = state.corp(corpId)!;
        const app = corp.apps.find((a) => a.agentId === agentId);
        if (corp.ipBlocked) throw fault(60020, 'not allow to access from your ip');
        if (route.kf && !app?.kfAuthorised) throw fault(48002, 'api forbidden');
        if (path.startsWith('/cgi-bin/externalcontact/') && app?.contactAuthorised === false)
          throw fault(48002, 'api forbidden');
        // An account of the corp that the admin did not give this app to manage (「可管理的客服账号」).
        const openKfId = body.open_kfid ?? query.get('open_kfid');
        if (route.kf && typeof openKfId === 'string' && app?.kfManaged && !app.kfManaged.includes(openKfId))
          throw fault(95000, 'invalid open_kfid: not managed by this app');
        if (state.overRateLimit(corpId, path)) throw fault(45009, 'reach max api daily quota limit');
      }
      const injected = state.takeInjected(path);
      if (injected !== undefined) throw fault(injected, 'injected by test');
      return {
        errcode: 0,
        errmsg: 'ok',
        ...route.handler({ state, corpId, agentId, query, body: body as Record<string, any> }),
      };
    } catch (e) {
      if (e instanceof WecomFault) return { errcode: e.errcode, errmsg: e.errmsg };
      return { errcode: -1, errmsg: `system busy (${(e as Error).message})` };
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://standin');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) return void res.writeHead(413).end();
      chunks.push(chunk);
    }
    const raw = Buffer.concat(chunks);
    if (url.pathname === '/connect/oauth2/authorize') return this.authorize(url, res);
    let body: Record<string, unknown> = {};
    const multipart = /^multipart\/form-data;.*boundary=(.+)$/i.exec(req.headers['content-type'] ?? '');
    if (multipart) body = { __multipart: readUpload(raw, multipart[1]!) };
    else if (raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return this.json(res, { errcode: 47001, errmsg: 'data format error' });
      }
    }
    if (url.pathname.startsWith('/__standin/')) return this.control(url, body, res);
    const answer = this.call(req.method ?? 'GET', url.pathname, url.searchParams, body);
    // media/get answers with the file itself, as WeCom does (errors stay JSON)
    const file = answer[FILE_ANSWER] as FileAnswer | undefined;
    if (file)
      return void res
        .writeHead(200, {
          'content-type': file.contentType,
          'content-disposition': `attachment; filename="${file.filename}"`,
          'content-length': file.content.length,
        })
        .end(file.content);
    this.json(res, answer);
  }

  /**
   * WeCom's OAuth page (open.weixin.qq.com/connect/oauth2/authorize): the member signed in to the client — the one
   * set with signedInAs, else the corp's first — is sent back to redirect_uri with a single-use code.
   */
  private authorize(url: URL, res: http.ServerResponse): void {
    const corpId = url.searchParams.get('appid') ?? '';
    const redirect = url.searchParams.get('redirect_uri') ?? '';
    const userid =
      this.signedIn.get(corpId) ?? [...this.state.members.values()].find((m) => m.corpId === corpId)?.userid;
    if (!this.state.corp(corpId) || !userid || !/^https?:\/\//.test(redirect))
      return void res.writeHead(400).end('invalid appid or redirect_uri');
    const code = this.state.id('oc', 16);
    this.state.oauthCodes.set(code, { corpId, userid, expiresAt: this.state.now() + 300_000, used: false });
    const back = new URL(redirect);
    back.searchParams.set('code', code);
    back.searchParams.set('state', url.searchParams.get('state') ?? '');
    res.writeHead(302, { location: back.toString() }).end();
  }

  private signedIn = new Map<string, string>();

  /** Who is signed in to the WeCom client (the member OAuth answers for). */
  signedInAs(corpId: string, userid: string): void {
    this.signedIn.set(corpId, userid);
  }

  /** Loopback control endpoints for the demo: act as a customer. */
  private async control(url: URL, body: Record<string, any>, res: http.ServerResponse): Promise<void> {
    const path = url.pathname;
    try {
      // The JS bridge for a page opened in an ordinary browser (the demo), and its signature check (called from the
      // page, so it answers any origin).
      if (path === '/__standin/jsbridge.js') {
        const q = url.searchParams;
        const script = bridgeScript({
          base: this.url,
          corpId: q.get('corpId') ?? '',
          entry: q.get('entry') ?? 'single_chat_tools',
          externalUserId: q.get('externalUserId') ?? undefined,
          chatId: q.get('chatId') ?? undefined,
        });
        return void res
          .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'access-control-allow-origin': '*' })
          .end(script);
      }
      if (path === '/__standin/jsapi/verify') {
        res.setHeader('access-control-allow-origin', '*');
        return this.json(res, {
          result: verifyJsApi(this.state, body.kind, String(body.url ?? ''), body.params ?? {}),
        });
      }
      // wx.login for the owner console's H5 build outside WeChat
      if (path === '/__standin/wxbridge.js') {
        return void res
          .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'access-control-allow-origin': '*' })
          .end(wxBridgeScript(this.url, url.searchParams.get('openid') ?? ''));
      }
      if (path === '/__standin/miniprogram/code') {
        res.setHeader('access-control-allow-origin', '*');
        if (!body.openid) return this.json(res, { error: 'openid required' }, 400);
        return this.json(res, { code: issueMiniProgramCode(this.state, String(body.openid)) });
      }
      if (path.startsWith('/__standin/suite/'))
        return this.json(res, await this.suite.control(path.slice('/__standin/suite/'.length), body));
      if (path.startsWith('/__standin/admin/'))
        return this.json(res, await this.admin.control(path.slice('/__standin/admin/'.length), body));
      if (path === '/__standin/customers/add') {
        const r = await this.customers.addsMember(body.corpId, body.userid, { name: body.name, state: body.state });
        return this.json(res, { externalUserId: r.externalUserId, deliveries: r.deliveries });
      }
      if (path === '/__standin/kf/messages') {
        // any kind: {msgtype: 'location', body: {latitude, longitude, name, address}}, {msgtype: 'image', body: {media_id}}
        if (body.msgtype && body.msgtype !== 'text')
          return this.json(
            res,
            await this.customers.sendsToKf(body.openKfId, body.externalUserId, body.msgtype, body.body ?? {}),
          );
        return this.json(res, await this.customers.writesToKf(body.openKfId, body.externalUserId, body.text));
      }
      // a file a customer sends (base64), kept for media/get: its media_id goes in a message's body
      if (path === '/__standin/kf/media') {
        const content = Buffer.from(String(body.base64 ?? ''), 'base64');
        if (!content.length || !['image', 'voice', 'file', 'video'].includes(body.type))
          return this.json(res, { error: 'type (image, voice, file, video) and base64 content required' }, 400);
        const mediaId = this.customers.sendsMedia(body.corpId, body.type, content, String(body.contentType ?? ''));
        return this.json(res, { mediaId });
      }
      if (path === '/__standin/state') {
        const s = this.state;
        return this.json(res, {
          contacts: s.contacts.size,
          welcomeMessages: s.welcomeMessages,
          kfSent: s.kfSent,
          appMessages: s.appMessages,
          groupSendTasks: s.groupSendTasks,
        });
      }
      res.writeHead(404).end();
    } catch (e) {
      this.json(res, { error: (e as Error).message }, 400);
    }
  }

  private json(res: http.ServerResponse, payload: unknown, status = 200): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(payload));
  }
}
