import { Router } from '@koa/router';
import { defineEndpoint } from '@xiaoer/common/api/contract';
import { idParamsSchema } from '@xiaoer/common/schemas/common';
import Koa from 'koa';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { createLogger } from '../logging/logger.js';
import { checkContractResponses, route } from './contract-route.js';
import { jsonBody } from './middleware/body.js';
import { errorHandler } from './middleware/error-handler.js';

const note = z.object({ id: z.string(), text: z.string() }).strict();
const contracts = {
  addNote: defineEndpoint({
    method: 'POST',
    path: '/customers/:id/notes',
    params: idParamsSchema,
    request: z.object({ text: z.string().trim().min(1, '请填写跟进内容').max(10) }).strict(),
    response: note,
    status: 201,
  }),
  list: defineEndpoint({
    method: 'GET',
    path: '/customers',
    request: z.object({ limit: z.coerce.number().int().max(50).default(20) }).strict(),
    response: z.object({ limit: z.number() }).strict(),
  }),
  remove: defineEndpoint({
    method: 'DELETE',
    path: '/customers/:id',
    params: idParamsSchema,
    response: z.void(),
    status: 204,
  }),
  drifted: defineEndpoint({ method: 'GET', path: '/customers/drifted', response: note }),
  // plain (stripping) objects, as most DTO schemas are: the check still refuses what they would drop
  leaky: defineEndpoint({
    method: 'GET',
    path: '/customers/leaky',
    response: z.object({
      items: z.array(z.object({ id: z.string(), tags: z.object({ vip: z.boolean() }) })),
      extra: z.record(z.string(), z.number()),
      raw: z.unknown(),
    }),
  }),
};
const ID = '64b0000000000000000000aa';

const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function serve(build: (router: Router) => void, { checkResponses = true } = {}): Promise<string> {
  const app = new Koa();
  app.silent = true;
  app.use(errorHandler(createLogger({ level: 'silent', pretty: false })));
  app.use(jsonBody('100kb'));
  if (checkResponses) app.use(checkContractResponses());
  const router = new Router({ prefix: '/customers' });
  build(router);
  app.use(router.routes()).use(router.allowedMethods());
  const server = http.createServer(app.callback());
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('a route built from a contract', () => {
  it('answers with the handler’s result, the parsed request and the contract’s status', async () => {
    const url = await serve((router) => {
      route(router, contracts.addNote, ({ params, body }) => ({ id: params.id, text: body.text }));
      route(router, contracts.list, ({ query }) => ({ limit: query.limit }));
      route(router, contracts.remove, () => undefined);
    });
    const created = await post(`${url}/customers/${ID}/notes`, { text: '  少糖 ' });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: ID, text: '少糖' });
    expect(await (await fetch(`${url}/customers?limit=5`)).json()).toEqual({ limit: 5 });
    expect(await (await fetch(`${url}/customers`)).json()).toEqual({ limit: 20 });
    const removed = await fetch(`${url}/customers/${ID}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
  });

  it('rejects a bad body, bad path parameters or a bad query with 400 validation_failed, before the handler', async () => {
    let called = 0;
    const url = await serve((router) => {
      route(router, contracts.addNote, ({ params, body }) => (called++, { id: params.id, text: body.text }));
      route(router, contracts.list, ({ query }) => (called++, { limit: query.limit }));
    });
    const empty = await post(`${url}/customers/${ID}/notes`, { text: ' ' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({
      error: 'validation_failed',
      message: '填写的内容有误，请检查后重试',
      fields: { text: '请填写跟进内容' },
    });
    const smuggled = await post(`${url}/customers/${ID}/notes`, { text: '好', merchantId: ID });
    expect(smuggled.status).toBe(400);
    expect(((await smuggled.json()) as { fields: unknown }).fields).toEqual({ _: '不支持的字段：merchantId' });
    expect((await post(`${url}/customers/${ID}/notes`, ['好'])).status).toBe(400);
    expect((await post(`${url}/customers/not-an-id/notes`, { text: '好' })).status).toBe(400);
    const query = await fetch(`${url}/customers?limit=500`);
    expect(query.status).toBe(400);
    expect(((await query.json()) as { error: string }).error).toBe('validation_failed');
    expect(called).toBe(0);
  });

  it('runs guards before parsing, and the handler only when they pass', async () => {
    let called = 0;
    const url = await serve((router) =>
      route(
        router,
        contracts.addNote,
        () => {
          throw new AppError('forbidden');
        },
        () => (called++, { id: ID, text: 'x' }),
      ),
    );
    expect((await post(`${url}/customers/${ID}/notes`, {})).status).toBe(403);
    expect(called).toBe(0);
  });

  it('outside production, an answer that drifted from its contract is an internal error, not a wrong page', async () => {
    const drifted = (router: Router) =>
      // a presenter that renamed a field: the compiler catches it; the check catches what a cast let through
      route(router, contracts.drifted, () => ({ id: ID, body: '少糖' }) as unknown as { id: string; text: string });
    const checked = await fetch(`${await serve(drifted)}/customers/drifted`);
    expect(checked.status).toBe(500);
    expect(await checked.json()).toEqual({ error: 'internal_error', message: '系统开小差了，请稍后重试' });
    const unchecked = await fetch(`${await serve(drifted, { checkResponses: false })}/customers/drifted`);
    expect(unchecked.status).toBe(200);
  });

  it('outside production, a field the contract does not name is an internal error, at any depth', async () => {
    type Leaky = z.output<typeof contracts.leaky.response>;
    const clean: Leaky = { items: [{ id: ID, tags: { vip: true } }], extra: { any: 1 }, raw: { whatever: [1] } };
    const answering = (body: unknown) => async () => {
      const url = await serve((router) => route(router, contracts.leaky, () => body as Leaky));
      return fetch(`${url}/customers/leaky`);
    };
    const ok = await answering(clean)();
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual(clean);
    // a key left undefined is not sent, so it is not a leak
    expect((await answering({ ...clean, later: undefined })()).status).toBe(200);
    const leaks = [
      { ...clean, merchantId: ID },
      { ...clean, items: [{ id: ID, tags: { vip: true }, _id: ID }] },
      { ...clean, items: [{ id: ID, tags: { vip: true, __v: 0 } }] },
    ];
    for (const leak of leaks) {
      const leaked = await answering(leak)();
      expect(leaked.status).toBe(500);
      expect(await leaked.json()).toEqual({ error: 'internal_error', message: '系统开小差了，请稍后重试' });
    }
  });

  it('does not compile a handler whose answer is not the contract’s', () => {
    const router = new Router({ prefix: '/customers' });
    // @ts-expect-error `body` is not `text`: a renamed field breaks the build
    route(router, contracts.addNote, ({ params }) => ({ id: params.id, body: '少糖' }));
    // @ts-expect-error a GET's handler gets a query, not a body
    route(router, contracts.list, ({ body }) => ({ limit: body }));
    expect(router.stack).toHaveLength(2);
  });

  it('refuses to mount a contract under a router whose prefix its path does not start with', () => {
    expect(() => route(new Router({ prefix: '/alerts' }), contracts.list, () => ({ limit: 1 }))).toThrow(
      'GET /customers cannot be mounted on a router under /alerts',
    );
  });
});
