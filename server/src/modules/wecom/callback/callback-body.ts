import type { Context } from 'koa';
import getRawBody from 'raw-body';
import { AppError } from '../../../errors/app-error.js';

/** WeCom's callbacks are small; anything larger is not from WeCom. */
const CALLBACK_BODY_LIMIT = '64kb';

/**
 * A callback's XML body, read raw and size-limited. WeCom posts text/xml; a JSON or form post was already consumed
 * by the body parser and is not WeCom's.
 */
export async function readCallbackBody(ctx: Context): Promise<string> {
  if (!ctx.is('text/xml', 'application/xml', 'text/plain') || ctx.req.readableEnded)
    throw new AppError('bad_request', { message: '回调内容应为 XML' });
  return getRawBody(ctx.req, { limit: CALLBACK_BODY_LIMIT, encoding: 'utf8' }).catch((err: { type?: string }) => {
    throw err.type === 'entity.too.large'
      ? new AppError('payload_too_large')
      : new AppError('bad_request', { message: '回调内容读取失败' });
  });
}
