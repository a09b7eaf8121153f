import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/intake';
import {
  batchRecords,
  INTAKE_KIND_NAMES,
  intakeBatchSchema,
  type IntakeKindName,
} from '@xiaoer/common/schemas/shop-data';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import { parse } from '../../http/validate.js';
import type { IntakeService } from './intake.service.js';
import type { IntakeWebhookService } from './intake-webhook.service.js';
import { presentImportReport, presentIntakeReport } from './intake-report.presenter.js';
import { presentDelivery } from './webhook-delivery.presenter.js';

export function intakeRoutes(
  intake: IntakeService,
  webhook: IntakeWebhookService,
  publicUrl: () => string,
): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/intake' });
  const base = () => `${publicUrl()}/intake`; // never from the Host header: the URL is handed to another system

  // The signed webhook: its URLs, and a new secret (shown once; the old one stops working).
  route(router, api.webhook, requireRole('owner'), async (_, ctx) => {
    const current = await webhook.current(ctx.state.session.merchantId);
    return current
      ? {
          configured: true as const,
          ...webhookUrls(`${base()}/${current.endpointId}`),
          updatedAt: current.updatedAt.toISOString(),
        }
      : { configured: false as const };
  });
  route(router, api.rotateWebhook, requireRole('owner'), async (_, ctx) => {
    const { endpointId, secret } = await webhook.rotate(ctx.state.session.merchantId);
    return {
      ...webhookUrls(`${base()}/${endpointId}`),
      secret,
      message: '密钥只显示这一次，请复制给收银系统的对接人员',
    };
  });
  route(router, api.webhookDeliveries, requireRole('owner'), async (_, ctx) => {
    const { merchantId } = ctx.state.session;
    const [current, deliveries] = await Promise.all([webhook.current(merchantId), webhook.lastDeliveries(merchantId)]);
    return { items: deliveries.map((d) => presentDelivery(d, current?.endpointId)) };
  });
  // Records through the API (the same format as the webhook): /intake/orders, /intake/reviews ...
  router.post('/:kind', requireRole('manager'), async (ctx) => {
    const { kind } = parse(api.intakeKindParamsSchema, ctx.params);
    const { session } = ctx.state;
    const report = await intake.ingest(
      session.merchantId,
      kind,
      batchRecords(kind, parse(intakeBatchSchema(kind), ctx.request.body)),
      { scope: await intake.scopeOf(session) },
    );
    ctx.body = presentIntakeReport(report);
  });
  // An export from the POS / booking / school system; dryRun previews the mapping and the per-row result.
  route(router, api.importSheet, requireRole('manager'), async ({ params, body }, ctx) =>
    presentImportReport(
      await intake.importSheet(
        ctx.state.session.merchantId,
        params.kind,
        body,
        await intake.scopeOf(ctx.state.session),
      ),
    ),
  );
  return router;
}

/** The orders URL (what most integrations need) and one per kind. */
const webhookUrls = (root: string) => ({
  url: `${root}/orders`,
  urls: Object.fromEntries(INTAKE_KIND_NAMES.map((k) => [k, `${root}/${k}`])) as Record<IntakeKindName, string>,
});
