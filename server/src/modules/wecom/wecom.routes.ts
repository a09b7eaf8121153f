import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/wecom';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import type { ConfigCheckService } from './config-check.service.js';
import type { JsSdkService } from './jssdk.service.js';
import { presentConfigCheck, presentJsSdkSignatures } from './wecom.presenter.js';

export function wecomRoutes(
  jssdk: JsSdkService,
  configCheck: ConfigCheckService,
  publicUrl: () => string,
): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/wecom' });
  // The sidebar's ww.register asks for both signatures for its current URL.
  route(router, api.jssdkSignature, async ({ query }, ctx) =>
    presentJsSdkSignatures(await jssdk.sign(ctx.state.session.merchantId, query.url)),
  );
  // The live configuration check, for the settings page: each problem with its fix. It calls our own public
  // address, never one taken from the request (that would let a caller aim it at any host and port).
  route(router, api.configCheck, requireRole('manager'), async (_, ctx) => ({
    checks: (await configCheck.run(ctx.state.session.merchantId, publicUrl())).map(presentConfigCheck),
  }));

  return router;
}
