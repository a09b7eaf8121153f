import http from 'node:http';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import { createLogger } from '../../logging/logger.js';
import { parse } from '../validate.js';
import { errorHandler } from './error-handler.js';
import { requestTimeout } from './timeout.js';

const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function serve(...middleware: Koa.Middleware[]): Promise<string> {
  const app = new Koa();
  app.silent = true;
  app.use(errorHandler(createLogger({ level: 'silent', pretty: false })));
  middleware.forEach((m) => app.use(m));
  const server = http.createServer(app.callback());
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe('errorHandler', () => {
  it('never exposes an internal error', async () => {
    const url = await serve(() => {
      throw new Error('connection string mongodb://admin:hunter2@db');
    });
    const res = await fetch(url);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ error: 'internal_error', message: '系统开小差了，请稍后重试' });
    expect(body).not.toContain('hunter2');
  });

  it('renders catalogue errors with their status, code and Chinese message', async () => {
    const url = await serve(() => {
      throw new AppError('conflict', { message: '这个标签已经存在' });
    });
    const res = await fetch(url);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: 'conflict', message: '这个标签已经存在' });
  });

  it('turns a duplicate-key error from MongoDB into a 409 conflict', async () => {
    const url = await serve(() => {
      throw Object.assign(new Error('E11000 duplicate key error collection: x'), { code: 11000 });
    });
    const res = await fetch(url);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toBe('conflict');
  });

  it('lists validation problems per field', async () => {
    const url = await serve((ctx) => {
      ctx.body = parse(z.object({ name: z.string().min(1, '请填写名称'), n: z.number() }), { name: '' });
    });
    const body = (await (await fetch(url)).json()) as { error: string; fields: Record<string, string> };
    expect(body.error).toBe('validation_failed');
    expect(body.fields.name).toBe('请填写名称');
    expect(body.fields.n).toBeTruthy();
  });
});

describe('requestTimeout', () => {
  it('answers 503 request_timeout when a handler runs too long', async () => {
    const url = await serve(requestTimeout(100), async (ctx) => {
      await new Promise((r) => setTimeout(r, 1000));
      ctx.body = 'late';
    });
    const started = Date.now();
    const res = await fetch(url);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toBe('request_timeout');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('lets a fast handler through untouched', async () => {
    const url = await serve(requestTimeout(500), (ctx) => {
      ctx.body = { ok: true };
    });
    expect(await (await fetch(url)).json()).toEqual({ ok: true });
  });
});
