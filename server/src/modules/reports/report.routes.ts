import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/reports';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import type { ReportService } from './report.service.js';

export function reportRoutes(reports: ReportService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/reports' });
  // Chart data for the owner's console (default: the last complete period).
  route(router, api.report, requireRole('manager'), ({ query }, ctx) =>
    reports.build(ctx.state.session.merchantId, query.period, query.date),
  );
  return router;
}
