// The WeCom stand-in: a loopback HTTP server speaking the qyapi endpoints the product uses (and WeChat's
// jscode2session) with WeCom's response shapes, errcodes and limits. The product reaches it only through its
// configurable API base URL, so the product cannot tell the difference. Dev and test tool only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { authRoutes } from './api/auth.js';
import { contactRoutes } from './api/contacts.js';
import { kfRoutes } from './api/kf.js';
import { messageRoutes } from './api/messages.js';
import { tagRoutes } from './api/tags.js';
import type { ApiRoute } from './api/types.js';
import { WecomFault, fault } from './errors.js';
import { CustomerSimulator } from './simulator.js';
import { StandInState, type Corp } from './state.js';

const ROUTES: Record<string, ApiRoute> = { ...authRoutes, ...contactRoutes, ...kfRoutes, ...messageRoutes, ...tagRoutes };
const MAX_BODY = 2 * 1024 * 1024;

export class WecomStandIn {
  readonly state = new StandInState();
  readonly customers = new CustomerSimulator(this.state);
  private server?: http.Server;
  url = '';

  async start(port = 0): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Sets up a corp with one app, its members and 微信客服 accounts. */
  seedCorp(corp: Corp, members: { userid: string; name: string }[] = [], kfAccounts: { openKfId: string; name: string }[] = []): void {
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
        if (corp.ipBlocked) throw fault(60020, 'not allow to access from your ip');
        if (route.kf && !corp.apps.find((a) => a.agentId === agentId)?.kfAuthorised) throw fault(48002, 'api forbidden');
        if (state.overRateLimit(corpId, path)) throw fault(45009, 'reach max api daily quota limit');
      }
      const injected = state.takeInjected(path);
      if (injected !== undefined) throw fault(injected, 'injected by test');
      return { errcode: 0, errmsg: 'ok', ...route.handler({ state, corpId, agentId, query, body: body as Record<string, any> }) };
    } catch (e) {
      if (e instanceof WecomFault) return { errcode: e.errcode, errmsg: e.errmsg };
      return { errcode: -1, errmsg: `system busy (${(e as Error).message})` };
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://standin');
    let raw = '';
    for await (const chunk of req) {
      raw += chunk;
      if (raw.length > MAX_BODY) return void res.writeHead(413).end();
    }
    let body: Record<string, unknown> = {};
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return this.json(res, { errcode: 47001, errmsg: 'data format error' });
      }
    }
    if (url.pathname.startsWith('/__standin/')) return this.control(url.pathname, body, res);
    this.json(res, this.call(req.method ?? 'GET', url.pathname, url.searchParams, body));
  }

  /** Loopback control endpoints for the demo: act as a customer. */
  private async control(path: string, body: Record<string, any>, res: http.ServerResponse): Promise<void> {
    try {
      if (path === '/__standin/customers/add') {
        const r = await this.customers.addsMember(body.corpId, body.userid, { name: body.name, state: body.state });
        return this.json(res, { externalUserId: r.externalUserId, deliveries: r.deliveries });
      }
      if (path === '/__standin/kf/messages') {
        return this.json(res, await this.customers.writesToKf(body.openKfId, body.externalUserId, body.text));
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
