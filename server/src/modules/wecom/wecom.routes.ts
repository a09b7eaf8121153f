import { Router } from '@koa/router';
import { jssdkSignatureQuerySchema } from '@xiaoer/common/schemas/auth';
import type { AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { JsSdkService } from './jssdk.service.js';

export function wecomRoutes(jssdk: JsSdkService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/wecom' });
  // The sidebar's ww.register asks for both signatures for its current URL.
  router.get('/jssdk-signature', async (ctx) => {
    const { url } = parse(jssdkSignatureQuerySchema, ctx.query);
    ctx.body = await jssdk.sign(ctx.state.session.merchantId, url);
  });
  return router;
}
