import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/intake';
import { batchRecords, intakeBatchSchema } from '@xiaoer/common/schemas/shop-data';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import { parse } from '../../http/validate.js';
import type { IntakeService } from './intake.service.js';
import type { IntakeWebhookService } from './intake-webhook.service.js';
import { presentImportReport, presentIntakeReport } from './intake-report.presenter.js';
import { presentDelivery } from './webhook-delivery.presenter.js';
import { presentEndpoint } from './webhook-endpoint.presenter.js';
import type { WebhookEndpointRecord } from './webhook-endpoint.repository.js';

export function intakeRoutes(
  intake: IntakeService,
  webhook: IntakeWebhookService,
  publicUrl: () => string,
): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/intake' });
  const base = () => `${publicUrl()}/intake`; // never from the Host header: the URL is handed to another system

  // The signed webhooks, one per sending system (registered before /:kind, which would take "endpoints").
  // Owners and managers run the shop's integrations; staff do not see the secrets' URLs.
  const canManage = requireRole('manager');
  route(router, api.webhookEndpoints, canManage, async (_, ctx) => ({
    items: (await webhook.list(ctx.state.session.merchantId)).map((e) => presentEndpoint(e, base())),
  }));
  route(router, api.createWebhookEndpoint, canManage, async ({ body }, ctx) =>
    withSecret(await webhook.create(ctx.state.session.merchantId, body.name, body.secret), base()),
  );
  route(router, api.rotateWebhookSecret, canManage, async ({ params }, ctx) =>
    withSecret(await webhook.rotate(ctx.state.session.merchantId, params.id), base()),
  );
  route(router, api.revokeWebhookEndpoint, canManage, async ({ params }, ctx) => {
    await webhook.revoke(ctx.state.session.merchantId, params.id);
  });
  route(router, api.webhookDeliveries, canManage, async ({ params }, ctx) => ({
    items: (await webhook.lastDeliveries(ctx.state.session.merchantId, params.id)).map(presentDelivery),
  }));
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

/** An endpoint with its secret, shown this once. */
const withSecret = (created: { endpoint: WebhookEndpointRecord; secret: string }, root: string) => ({
  endpoint: presentEndpoint(created.endpoint, root),
  secret: created.secret,
  message: '密钥只显示这一次，请复制给对接人员',
});
