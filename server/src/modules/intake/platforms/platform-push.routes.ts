import { Router } from '@koa/router';
import getRawBody from 'raw-body';
import { AppError } from '../../../errors/app-error.js';
import type { IntakeWebhookService } from '../intake-webhook.service.js';
import { PLATFORM_PUSHES } from './index.js';
import type { PlatformPushService } from './platform-push.service.js';

const PUSH_BODY_LIMIT = '256kb';

/**
 * The platforms' own pushes (美团 验券, 抖音 券核销, 快递100 轨迹): POST /intake/<endpointId>/push/<platform>, in the
 * platform's format (JSON or a form) and signed its way. Machine-to-machine: it reads its own raw body (the
 * signature covers the exact bytes) and answers what the platform expects; each delivery is noted in the address's log.
 */
export function platformPushRoutes(pushes: PlatformPushService, webhook: Pick<IntakeWebhookService, 'note'>): Router {
  const router = new Router({ prefix: '/intake' });
  router.post('/:endpointId/push/:platform', async (ctx) => {
    const endpointId = ctx.params.endpointId!;
    const kind = `push/${ctx.params.platform ?? ''}`;
    try {
      const platform = PLATFORM_PUSHES[ctx.params.platform ?? ''];
      if (!platform)
        throw new AppError('not_found', {
          message: `不支持的平台推送，可用：${Object.keys(PLATFORM_PUSHES).join('、')}`,
        });
      const body = await getRawBody(ctx.req, { limit: PUSH_BODY_LIMIT, encoding: 'utf8' }).catch(
        (err: { type?: string }) => {
          throw err.type === 'entity.too.large'
            ? new AppError('payload_too_large', { message: '一次推送不能超过 256KB' })
            : new AppError('bad_request', { message: '请求体读取失败' });
        },
      );
      const query = Object.fromEntries(
        Object.entries(ctx.query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
      ) as Record<string, string | undefined>;
      const { answer, report } = await pushes.deliver(endpointId, platform, {
        body,
        type: (ctx.get('Content-Type').split(';')[0] ?? '').trim().toLowerCase(),
        header: (name) => ctx.get(name) || undefined,
        query,
      });
      ctx.body = answer;
      await webhook.note(endpointId, kind, {
        report: report ?? { received: 0, created: 0, updated: 0, unmatchedCustomers: 0, failed: [] },
      });
    } catch (err) {
      await webhook.note(endpointId, kind, { error: err });
      throw err;
    }
  });
  return router;
}
