import { Router } from '@koa/router';
import { INTAKE_KIND_NAMES, type IntakeKindName } from '@xiaoer/common/schemas/shop-data';
import getRawBody from 'raw-body';
import { AppError } from '../../errors/app-error.js';
import { presentIntakeReport } from './intake-report.presenter.js';
import type { IntakeWebhookService } from './intake-webhook.service.js';

const WEBHOOK_BODY_LIMIT = '1mb';

/**
 * The public, signed webhook, one URL per kind. It reads its own raw body: the signature covers the exact bytes sent,
 * so it is mounted by hand (not the clients' JSON API, no contract); its answer still goes through a presenter.
 */
export function intakeWebhookRoutes(webhook: IntakeWebhookService): Router {
  const router = new Router({ prefix: '/intake' });
  router.post('/:endpointId/:kind', async (ctx) => {
    const endpointId = ctx.params.endpointId!;
    try {
      const kind = ctx.params.kind as IntakeKindName;
      if (!INTAKE_KIND_NAMES.includes(kind))
        throw new AppError('not_found', { message: `不支持的数据类型，可用：${INTAKE_KIND_NAMES.join('、')}` });
      if (!ctx.is('application/json'))
        throw new AppError('bad_request', { message: '请求体须为 JSON（Content-Type: application/json）' });
      const body = await getRawBody(ctx.req, { limit: WEBHOOK_BODY_LIMIT, encoding: 'utf8' }).catch(
        (err: { type?: string }) => {
          throw err.type === 'entity.too.large'
            ? new AppError('payload_too_large', { message: '一次推送不能超过 1MB，请分批推送' })
            : new AppError('bad_request', { message: '请求体读取失败' });
        },
      );
      const { report, replayed } = await webhook.deliver({
        endpointId,
        kind,
        timestamp: ctx.get('X-Xiaoer-Timestamp') || undefined,
        signature: ctx.get('X-Xiaoer-Signature') || undefined,
        idempotencyKey: ctx.get('Idempotency-Key').slice(0, 100) || undefined,
        body,
      });
      if (replayed) ctx.set('Idempotent-Replayed', 'true');
      ctx.body = presentIntakeReport(report);
      await webhook.note(endpointId, kind, { report });
    } catch (err) {
      await webhook.note(endpointId, ctx.params.kind ?? '', { error: err });
      throw err;
    }
  });
  return router;
}
