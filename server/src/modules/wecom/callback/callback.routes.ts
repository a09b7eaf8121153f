import { Router } from '@koa/router';
import getRawBody from 'raw-body';
import { AppError } from '../../../errors/app-error.js';
import type { CallbackIntakeService, SignedQuery } from './callback-intake.service.js';

/** WeCom's callbacks are small; anything larger is not from WeCom. */
const CALLBACK_BODY_LIMIT = '64kb';
const CORP_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function wecomCallbackRoutes(intake: CallbackIntakeService): Router {
  const router = new Router({ prefix: '/wecom/callback' });

  router.param('corpId', async (corpId, ctx, next) => {
    if (!CORP_ID.test(corpId)) throw new AppError('not_found');
    return next();
  });

  router.get('/:corpId', async (ctx) => {
    ctx.type = 'text/plain';
    ctx.body = await intake.verifyUrl(ctx.params.corpId!, ctx.query as SignedQuery);
  });

  router.post('/:corpId', async (ctx) => {
    // WeCom posts text/xml; a JSON or form post was already consumed by the body parser and is not WeCom's.
    if (!ctx.is('text/xml', 'application/xml', 'text/plain') || ctx.req.readableEnded)
      throw new AppError('bad_request', { message: '回调内容应为 XML' });
    const body = await getRawBody(ctx.req, { limit: CALLBACK_BODY_LIMIT, encoding: 'utf8' }).catch(
      (err: { type?: string }) => {
        throw err.type === 'entity.too.large'
          ? new AppError('payload_too_large')
          : new AppError('bad_request', { message: '回调内容读取失败' });
      },
    );
    await intake.accept(ctx.params.corpId!, ctx.query as SignedQuery, body);
    ctx.type = 'text/plain';
    ctx.body = 'success';
  });

  return router;
}
