import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/reports';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import { presentReport } from './report.presenter.js';
import type { ReportScope } from './report-scope.js';
import type { ReportService } from './report.service.js';

export function reportRoutes(reports: ReportService, scope: ReportScope): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/reports' });
  // Chart data for the owner's console (default: the last complete period).
  // A manager assigned to shops reads their own shop's orders (report-scope.ts).
  route(router, api.report, requireRole('manager'), async ({ query }, ctx) => {
    const { shop, shops, everyShop } = await scope.resolve(ctx.state.session, query.shopId);
    const report = await reports.build(ctx.state.session.merchantId, query.period, query.date, new Date(), shop);
    return presentReport(report, { shops, everyShop });
  });
  return router;
}
