import { Router } from '@koa/router';
import getRawBody from 'raw-body';
import { AppError } from '../../errors/app-error.js';
import type { OrderWebhookService } from './order-webhook.service.js';

const WEBHOOK_BODY_LIMIT = '1mb';

/** The public, signed order webhook. It reads its own raw body: the signature covers the exact bytes sent. */
export function orderWebhookRoutes(webhook: OrderWebhookService): Router {
  const router = new Router({ prefix: '/intake' });
  router.post('/:endpointId/orders', async (ctx) => {
    if (!ctx.is('application/json')) throw new AppError('bad_request', { message: '请求体须为 JSON（Content-Type: application/json）' });
    const body = await getRawBody(ctx.req, { limit: WEBHOOK_BODY_LIMIT, encoding: 'utf8' }).catch((err: { type?: string }) => {
      throw err.type === 'entity.too.large' ? new AppError('payload_too_large', { message: '一次推送不能超过 1MB，请分批推送' }) : new AppError('bad_request', { message: '请求体读取失败' });
    });
    const { report, replayed } = await webhook.deliver({
      endpointId: ctx.params.endpointId!,
      timestamp: ctx.get('X-Xiaoer-Timestamp') || undefined,
      signature: ctx.get('X-Xiaoer-Signature') || undefined,
      idempotencyKey: ctx.get('Idempotency-Key').slice(0, 100) || undefined,
      body,
    });
    if (replayed) ctx.set('Idempotent-Replayed', 'true');
    ctx.body = report;
  });
  return router;
}
