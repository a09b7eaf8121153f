import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/customers';
import type { CustomerUpdate } from '@xiaoer/common/schemas/customer';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import type { Session } from '../../auth/session.js';
import { route } from '../../http/contract-route.js';
import { presentCustomer } from './customer.presenter.js';
import type { CustomerProfileService } from './customer-profile.service.js';
import type { CustomerService } from './customer.service.js';
import { customerTimeline, type TimelineSources } from './customer-timeline.js';
import { whyNotContacted, type WhyNotContactedDeps } from './why-not-contacted.js';
import { linkUnmatchedOrder, listUnmatchedOrders, type UnmatchedOrdersDeps } from './unmatched-orders.js';
import { linkUnmatchedVisit, listUnmatchedVisits, type UnmatchedVisitsDeps } from './unmatched-visits.js';

export function customerRoutes(
  customers: CustomerService,
  profiles: CustomerProfileService,
  record: { timeline: TimelineSources; policy: WhyNotContactedDeps; unmatched: UnmatchedOrdersDeps },
): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/customers' });

  route(router, api.unmatchedOrders, requireRole('manager'), ({ query }, ctx) =>
    listUnmatchedOrders(record.unmatched, ctx.state.session.merchantId, query),
  );

  route(router, api.linkOrder, requireRole('manager'), ({ params, body }, ctx) =>
    linkUnmatchedOrder(record.unmatched, ctx.state.session, params.id, body),
  );

  // bookings and course packages come from the same shop systems, so they are linked beside the orders
  const unmatchedVisits: UnmatchedVisitsDeps = {
    ...record.unmatched,
    appointments: record.timeline.shopData.appointments,
    packages: record.timeline.shopData.packages,
  };
  route(router, api.unmatchedVisits, requireRole('manager'), ({ params, query }, ctx) =>
    listUnmatchedVisits(unmatchedVisits, ctx.state.session.merchantId, params.kind, query),
  );
  route(router, api.linkVisit, requireRole('manager'), ({ params, body }, ctx) =>
    linkUnmatchedVisit(unmatchedVisits, ctx.state.session, params, body),
  );

  route(router, api.timeline, async ({ params, query }, ctx) => {
    const { merchantId } = ctx.state.session;
    return customerTimeline(record.timeline, merchantId, await customers.get(merchantId, params.id), query);
  });

  route(router, api.whyNotContacted, async ({ params }, ctx) => {
    const { merchantId } = ctx.state.session;
    return whyNotContacted(record.policy, merchantId, await customers.get(merchantId, params.id), new Date());
  });

  route(router, api.profileByExternalUserId, ({ params }, ctx) => {
    const { merchantId, role } = ctx.state.session;
    return profiles.byExternalUserId(merchantId, params.externalUserId, role);
  });

  route(router, api.profile, ({ params }, ctx) => {
    const { merchantId, role } = ctx.state.session;
    return profiles.byId(merchantId, params.id, role);
  });

  route(router, api.list, async ({ query }, ctx) => {
    const { session } = ctx.state;
    const page = await customers.list(session, query);
    return {
      items: page.items.map((c) => presentCustomer(c, session.role)),
      ...(page.nextCursor && { nextCursor: page.nextCursor }),
    };
  });

  route(router, api.get, async ({ params }, ctx) => {
    const { merchantId, role } = ctx.state.session;
    return presentCustomer(await customers.get(merchantId, params.id), role);
  });

  const save = async (session: Session, id: string, body: CustomerUpdate) =>
    presentCustomer(await customers.update(session, id, body), session.role);
  route(router, api.update, ({ params, body }, ctx) => save(ctx.state.session, params.id, body));
  route(router, api.save, ({ params, body }, ctx) => save(ctx.state.session, params.id, body));

  route(router, api.addNote, async ({ params, body }, ctx) => {
    const { merchantId, staffId, role } = ctx.state.session;
    return presentCustomer(await customers.addNote(merchantId, params.id, staffId, body.text), role);
  });

  return router;
}
