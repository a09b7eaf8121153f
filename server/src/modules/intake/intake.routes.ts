import { Router } from '@koa/router';
import { knowledgeImportSchema } from '@xiaoer/common/schemas/knowledge';
import { batchRecords, INTAKE_KIND_NAMES, intakeBatchSchema } from '@xiaoer/common/schemas/shop-data';
import { z } from 'zod';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { IntakeService } from './intake.service.js';
import type { IntakeWebhookService } from './intake-webhook.service.js';

const kindParams = z.object({ kind: z.enum(INTAKE_KIND_NAMES, { message: '不支持的数据类型' }) });

export function intakeRoutes(
  intake: IntakeService,
  webhook: IntakeWebhookService,
  publicUrl: () => string,
): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/intake' });
  const base = () => `${publicUrl()}/intake`; // never from the Host header: the URL is handed to another system

  // The signed webhook: its URLs, and a new secret (shown once; the old one stops working).
  router.get('/webhook', requireRole('owner'), async (ctx) => {
    const current = await webhook.current(ctx.state.session.merchantId);
    ctx.body = current
      ? { configured: true, ...webhookUrls(`${base()}/${current.endpointId}`), updatedAt: current.updatedAt }
      : { configured: false };
  });
  router.post('/webhook', requireRole('owner'), async (ctx) => {
    const { endpointId, secret } = await webhook.rotate(ctx.state.session.merchantId);
    ctx.status = 201;
    ctx.body = {
      ...webhookUrls(`${base()}/${endpointId}`),
      secret,
      message: '密钥只显示这一次，请复制给收银系统的对接人员',
    };
  });
  // Records through the API (the same format as the webhook): /intake/orders, /intake/reviews ...
  router.post('/:kind', requireRole('manager'), async (ctx) => {
    const { kind } = parse(kindParams, ctx.params);
    ctx.body = await intake.ingest(
      ctx.state.session.merchantId,
      kind,
      batchRecords(kind, parse(intakeBatchSchema(kind), ctx.request.body)),
    );
  });
  // An export from the POS / booking / school system; dryRun previews the mapping and the per-row result.
  router.post('/:kind/import', requireRole('manager'), async (ctx) => {
    ctx.body = await intake.importSheet(
      ctx.state.session.merchantId,
      parse(kindParams, ctx.params).kind,
      parse(knowledgeImportSchema, ctx.request.body),
    );
  });
  return router;
}

/** The orders URL (what most integrations need) and one per kind. */
const webhookUrls = (root: string) => ({
  url: `${root}/orders`,
  urls: Object.fromEntries(INTAKE_KIND_NAMES.map((k) => [k, `${root}/${k}`])),
});
