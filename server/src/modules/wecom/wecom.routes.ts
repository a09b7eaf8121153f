import { Router } from '@koa/router';
import { jssdkSignatureQuerySchema } from '@xiaoer/common/schemas/auth';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import type { JobRuntime } from '../../jobs/job-runtime.js';
import { CONTACT_SYNC } from './contacts/contact-sync.job.js';
import { parse } from '../../http/validate.js';
import type { ConfigCheckService } from './config-check.service.js';
import type { JsSdkService } from './jssdk.service.js';

export function wecomRoutes(
  jssdk: JsSdkService,
  jobs: JobRuntime,
  configCheck: ConfigCheckService,
  publicUrl: () => string,
): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/wecom' });
  // The sidebar's ww.register asks for both signatures for its current URL.
  router.get('/jssdk-signature', async (ctx) => {
    const { url } = parse(jssdkSignatureQuerySchema, ctx.query);
    ctx.body = await jssdk.sign(ctx.state.session.merchantId, url);
  });
  // The live configuration check, for the settings page: each problem with its fix. It calls our own public
  // address, never one taken from the request (that would let a caller aim it at any host and port).
  router.get('/config-check', requireRole('manager'), async (ctx) => {
    ctx.body = { checks: await configCheck.run(ctx.state.session.merchantId, publicUrl()) };
  });

  // Onboarding: bring in every existing customer (runs in the background, resumes after a restart).
  router.post('/contact-sync', requireRole('owner'), async (ctx) => {
    await jobs.enqueue(CONTACT_SYNC, { merchantId: ctx.state.session.merchantId });
    ctx.status = 202;
    ctx.body = { message: '已开始同步客户，完成后客户列表会自动更新' };
  });

  return router;
}
