import { Router } from '@koa/router';
import { readCallbackBody } from '../callback/callback-body.js';
import type { SignedQuery } from '../callback/callback-intake.service.js';
import type { SuiteCallbackService } from './suite-callback.service.js';

/** The 代开发 template's 指令回调URL (machine-to-machine): `<PUBLIC_URL>/wecom/suite/callback`. */
export function suiteCallbackRoutes(intake: SuiteCallbackService): Router {
  const router = new Router({ prefix: '/wecom/suite/callback' });

  router.get('/', (ctx) => {
    ctx.type = 'text/plain';
    ctx.body = intake.verifyUrl(ctx.query as SignedQuery);
  });

  router.post('/', async (ctx) => {
    await intake.accept(ctx.query as SignedQuery, await readCallbackBody(ctx));
    ctx.type = 'text/plain';
    ctx.body = 'success';
  });

  return router;
}
