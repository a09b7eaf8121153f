import { Router } from '@koa/router';
import { reportQuerySchema } from '@xiaoer/common/schemas/report';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { ReportService } from './report.service.js';

export function reportRoutes(reports: ReportService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/reports' });
  // Chart data for the owner's console: ?period=day|week|month&date=YYYY-MM-DD (default: the last complete period).
  router.get('/', requireRole('manager'), async (ctx) => {
    const { period, date } = parse(reportQuerySchema, ctx.query);
    ctx.body = await reports.build(ctx.state.session.merchantId, period, date);
  });
  return router;
}
