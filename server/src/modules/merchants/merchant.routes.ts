import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/merchants';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
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

  route(router, api.merchant, async (_, ctx) => {
    const { merchant, shops } = await merchants.overview(ctx.state.session.merchantId);
    return presentMerchant(merchant, shops);
  });

  // Opening hours drive the after-hours auto-reply, so only the owner changes them.
  route(router, api.setBusinessHours, requireRole('owner'), async ({ body }, ctx) => {
    const { merchantId } = ctx.state.session;
    const merchant = await merchants.updateBusinessHours(merchantId, body);
    await knowledge.changed(merchantId); // every process's bot reads the hours with the knowledge snapshot
    return presentMerchant(merchant, await shops.list(merchantId));
  });

  return router;
}
