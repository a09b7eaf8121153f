import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/wecom';
import { requireRole, type AuthedState } from '../../../auth/auth.middleware.js';
import { route } from '../../../http/contract-route.js';
import type { JobRuntime } from '../../../jobs/job-runtime.js';
import { CONTACT_SYNC } from './contact-sync.job.js';

/** Onboarding: bring in every existing customer (runs in the background, resumes after a restart). */
export function contactSyncRoutes(jobs: Pick<JobRuntime, 'enqueue'>): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/wecom' });
  route(router, api.contactSync, requireRole('owner'), async (_, ctx) => {
    await jobs.enqueue(CONTACT_SYNC, { merchantId: ctx.state.session.merchantId });
    return { message: '已开始同步客户，完成后客户列表会自动更新' };
  });
  return router;
}
