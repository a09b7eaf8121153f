import { Router } from '@koa/router';
import { AppError } from '../../../errors/app-error.js';
import { readCallbackBody } from './callback-body.js';
import type { CallbackIntakeService, SignedQuery } from './callback-intake.service.js';
const CORP_ID = /^[A-Za-z0-9_-]{1,64}$/;

// WeCom's callback protocol (a plain-text echo, then `success`), not a client contract: nothing to present.
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
    const body = await readCallbackBody(ctx);
    await intake.accept(ctx.params.corpId!, ctx.query as SignedQuery, body);
    ctx.type = 'text/plain';
    ctx.body = 'success';
  });

  return router;
}
