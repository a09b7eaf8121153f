import { Router } from '@koa/router';
import { businessHoursUpdateSchema } from '@xiaoer/common/schemas/merchant';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { ShopService } from '../shops/shop.service.js';
import { presentMerchant } from './merchant.presenter.js';
import type { MerchantService } from './merchant.service.js';

export function merchantRoutes(
  merchants: MerchantService,
  shops: ShopService,
  knowledge: Pick<KnowledgeBaseService, 'changed'>,
): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/merchant' });

  router.get('/', async (ctx) => {
    const { merchant, shops } = await merchants.overview(ctx.state.session.merchantId);
    ctx.body = presentMerchant(merchant, shops);
  });

  // Opening hours drive the after-hours auto-reply, so only the owner changes them.
  router.put('/business-hours', requireRole('owner'), async (ctx) => {
    const { merchantId } = ctx.state.session;
    const merchant = await merchants.updateBusinessHours(
      merchantId,
      parse(businessHoursUpdateSchema, ctx.request.body),
    );
    await knowledge.changed(merchantId); // every process's bot reads the hours with the knowledge snapshot
    ctx.body = presentMerchant(merchant, await shops.list(merchantId));
  });

  return router;
}
