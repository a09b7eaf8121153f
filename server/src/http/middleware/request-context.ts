import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import { runWithLogContext, type Logger } from '../../logging/logger.js';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Gives every request an id (the caller's X-Request-Id when it is sane), logs its outcome and timing. */
export function requestContext(logger: Logger): Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    const requestId = SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = performance.now();
    await runWithLogContext({ requestId }, async () => {
      try {
        await next();
      } finally {
        const ms = Math.round(performance.now() - started);
        const level = ctx.status >= 500 ? 'error' : ctx.status >= 400 ? 'warn' : 'info';
        logger[level]({ method: ctx.method, path: ctx.path, status: ctx.status, ms }, 'request');
      }
    });
  };
}
