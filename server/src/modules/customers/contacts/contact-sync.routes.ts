import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/wecom';
import { requireRole, type AuthedState } from '../../../auth/auth.middleware.js';
import { route } from '../../../http/contract-route.js';
import type { JobRuntime } from '../../../jobs/job-runtime.js';
import type { CustomerRepository } from '../customer.repository.js';
import { CONTACT_SYNC } from './contact-sync.job.js';
import { presentContactSync } from './contact-sync.presenter.js';
import type { ContactSyncService } from './contact-sync.service.js';

/** Onboarding: bring in every existing customer (runs in the background, resumes after a restart). */
export function contactSyncRoutes(
  jobs: Pick<JobRuntime, 'enqueue'>,
  contactSync: Pick<ContactSyncService, 'start' | 'latest'>,
  customers: Pick<CustomerRepository, 'count'>,
): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/wecom' });
  route(router, api.contactSync, requireRole('owner'), async (_, ctx) => {
    const { merchantId } = ctx.state.session;
    // the run is recorded before the job is queued: a reload right after the tap already shows it
    const run = await contactSync.start(merchantId);
    await jobs.enqueue(CONTACT_SYNC, { merchantId });
    return { message: '已开始同步客户，完成后客户列表会自动更新', run: presentContactSync(run) };
  });
  route(router, api.contactSyncStatus, requireRole('manager'), async (_, ctx) => {
    const { merchantId } = ctx.state.session;
    const [run, count] = await Promise.all([contactSync.latest(merchantId), customers.count(merchantId)]);
    return { run: run ? presentContactSync(run) : null, customers: count };
  });
  return router;
}
