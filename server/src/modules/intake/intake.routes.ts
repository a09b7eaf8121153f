import { Router } from '@koa/router';
import { orderBatchSchema } from '@xiaoer/common/schemas/intake';
import { knowledgeImportSchema } from '@xiaoer/common/schemas/knowledge';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { OrderIntakeService } from './order-intake.service.js';
import type { OrderWebhookService } from './order-webhook.service.js';

export function intakeRoutes(intake: OrderIntakeService, webhook: OrderWebhookService, publicUrl?: string): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/intake' });
  const base = (ctx: { protocol: string; host: string }) => publicUrl ?? `${ctx.protocol}://${ctx.host}`;

  // Orders through the API (the same format as the webhook).
  router.post('/orders', requireRole('manager'), async (ctx) => {
    ctx.body = await intake.ingest(ctx.state.session.merchantId, parse(orderBatchSchema, ctx.request.body).orders);
  });
  // A POS / platform export; dryRun previews the mapping and the per-row result.
  router.post('/orders/import', requireRole('manager'), async (ctx) => {
    ctx.body = await intake.importSheet(ctx.state.session.merchantId, parse(knowledgeImportSchema, ctx.request.body));
  });
  // The signed webhook: its URL, and a new secret (shown once; the old one stops working).
  router.get('/webhook', requireRole('owner'), async (ctx) => {
    const current = await webhook.current(ctx.state.session.merchantId);
    ctx.body = current ? { configured: true, url: `${base(ctx)}/intake/${current.endpointId}/orders`, updatedAt: current.updatedAt } : { configured: false };
  });
  router.post('/webhook', requireRole('owner'), async (ctx) => {
    const { endpointId, secret } = await webhook.rotate(ctx.state.session.merchantId);
    ctx.status = 201;
    ctx.body = { url: `${base(ctx)}/intake/${endpointId}/orders`, secret, message: '密钥只显示这一次，请复制给收银系统的对接人员' };
  });
  return router;
}
