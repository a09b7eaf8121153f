// The team: members of the WeCom app's visible range synced into staff (from the staff step, when the WeCom step
// connects, and on WeCom's change_contact events), their roles and shops, the owner's claim of their own WeCom
// member, names WeCom withheld, and mini-program invites.
import type { Session } from '../../auth/session.js';
import type { Database } from '../../db/database.js';
import type { RoutesOf } from '../../http/module-routes.js';
import type { JobRuntime } from '../../jobs/job-runtime.js';
import type { Logger } from '../../logging/logger.js';
import type { RedisLock } from '../../redis/lock.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { ShopRepository } from '../shops/shop.repository.js';
import type { Wecom } from '../wecom/wecom.module.js';
import type { SessionDto } from '@xiaoer/common/schemas/auth';
import type { StaffAudit } from './staff-audit.js';
import { staffEventHandlers } from './staff-events.handler.js';
import { STAFF_SYNC, staffSyncJob } from './staff-sync.job.js';
import { StaffSyncService } from './staff-sync.service.js';
import { openStaffSyncRepository } from './staff.repositories.js';
import type { StaffRecord, StaffRepository } from './staff.repository.js';
import { staffRoutes } from './staff.routes.js';
import { StaffService } from './staff.service.js';

export interface StaffModuleDeps {
  db: Database;
  logger: Logger;
  locks: RedisLock;
  jobs: Pick<JobRuntime, 'enqueue'>;
  staff: StaffRepository;
  shops: Pick<ShopRepository, 'list'>;
  wecom: Pick<Wecom, 'apps' | 'directory' | 'handlers'>;
  audit: StaffAudit;
  issueSession: (staff: StaffRecord) => Promise<SessionDto>;
  createInvite: (session: Session, staffId: string) => Promise<{ code: string; expiresAt: string }>;
  endSessions: (merchantId: MerchantId, staffId: string) => Promise<void>;
}

export function build(d: StaffModuleDeps) {
  const sync = new StaffSyncService({
    endSessions: d.endSessions,
    runs: openStaffSyncRepository(d.db),
    staff: d.staff,
    directory: d.wecom.directory,
    apps: d.wecom.apps,
    enqueue: async (merchantId) => void (await d.jobs.enqueue(STAFF_SYNC, { merchantId })),
    audit: d.audit,
    logger: d.logger,
  });
  d.wecom.handlers.register(staffEventHandlers({ staff: d.staff, audit: d.audit, endSessions: d.endSessions }));
  const service = new StaffService({
    staff: d.staff,
    audit: d.audit,
    shopsExist: async (merchantId, ids) => {
      const known = new Set((await d.shops.list(merchantId)).map((s) => s._id.toHexString()));
      return ids.every((id) => known.has(id));
    },
    issueSession: d.issueSession,
    createInvite: d.createInvite,
    endSessions: d.endSessions,
  });
  const routes: RoutesOf = (http) => ({
    api: [staffRoutes(d.staff, service, sync, () => `${http.publicUrl()}/console`)],
  });
  const jobs = [staffSyncJob({ apps: d.wecom.apps, locks: d.locks, sync })];
  return { service, sync, routes, jobs };
}
