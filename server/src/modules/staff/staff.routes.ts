import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/staff';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import { presentStaffSync } from './staff-sync.presenter.js';
import type { StaffSyncService } from './staff-sync.service.js';
import { presentStaff } from './staff.presenter.js';
import type { StaffRepository } from './staff.repository.js';
import type { StaffService } from './staff.service.js';

export function staffRoutes(
  staff: StaffRepository,
  service: StaffService,
  sync: StaffSyncService,
  consoleUrl: () => string,
): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/staff' });
  const manager = requireRole('manager');
  const owner = requireRole('owner');
  route(router, api.list, manager, async (_, ctx) => {
    const { merchantId, role } = ctx.state.session;
    return {
      items: (await staff.list(merchantId)).map(presentStaff),
      // only the owner can bring them back, so only the owner sees them
      deactivated: role === 'owner' ? (await staff.listDeactivatedByOwner(merchantId)).map(presentStaff) : [],
    };
  });
  route(router, api.startSync, owner, async (_, ctx) => {
    const { merchantId, staffId } = ctx.state.session;
    return { sync: presentStaffSync(await sync.start(merchantId, { kind: 'staff', id: staffId })) };
  });
  route(router, api.syncStatus, manager, async (_, ctx) => {
    const latest = await sync.latest(ctx.state.session.merchantId);
    return { sync: latest ? presentStaffSync(latest) : null };
  });
  // the service decides who may change what (a role: the owner; shops: managers too, for staff)
  route(router, api.update, manager, async ({ params, body }, ctx) =>
    presentStaff(await service.assign(ctx.state.session, params.id, body)),
  );
  route(router, api.claimOwner, owner, ({ body }, ctx) => service.claimOwner(ctx.state.session, body.staffId));
  // every member, whatever their role: the name WeCom withheld
  route(router, api.giveName, async ({ body }, ctx) =>
    presentStaff(await service.giveName(ctx.state.session, body.name)),
  );
  route(router, api.deactivate, owner, async ({ params }, ctx) => {
    await service.deactivate(ctx.state.session, params.id);
    return { ok: true as const };
  });
  route(router, api.reactivate, owner, async ({ params }, ctx) =>
    presentStaff(await service.reactivate(ctx.state.session, params.id)),
  );
  route(router, api.invite, owner, ({ params }, ctx) => service.invite(ctx.state.session, params.id, consoleUrl()));
  return router;
}
