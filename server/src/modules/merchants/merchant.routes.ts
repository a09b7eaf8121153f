import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/merchants';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import type { ShopService } from '../shops/shop.service.js';
import type { AuditActor } from './merchant-audit.model.js';
import { presentMerchant, presentShop } from './merchant.presenter.js';
import type { MerchantService } from './merchant.service.js';

type Ctx = { state: AuthedState };
const by = (ctx: Ctx): AuditActor => ({ kind: 'staff', id: ctx.state.session.staffId });

// What the business is (name, industry, shops, opening hours) is what the bot tells customers and what the
// templates start from, so only the owner changes it; everyone reads it.
export function merchantRoutes(merchants: MerchantService, shops: ShopService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/merchant' });
  const owner = requireRole('owner');
  const present = async (ctx: Ctx, merchant: Parameters<typeof presentMerchant>[0]) =>
    presentMerchant(merchant, await shops.list(ctx.state.session.merchantId));

  route(router, api.merchant, async (_, ctx) => {
    const { merchant, shops } = await merchants.overview(ctx.state.session.merchantId);
    return presentMerchant(merchant, shops);
  });

  route(router, api.updateProfile, owner, async ({ body }, ctx) =>
    present(ctx, await merchants.updateProfile(ctx.state.session.merchantId, body, by(ctx))),
  );

  // Opening hours drive the after-hours auto-reply.
  route(router, api.setBusinessHours, owner, async ({ body }, ctx) =>
    present(ctx, await merchants.updateBusinessHours(ctx.state.session.merchantId, body, by(ctx))),
  );

  // What customers ask besides products and policies, and the 客服 hours of online sellers: the bot's answers.
  route(router, api.setFacts, owner, async ({ body }, ctx) =>
    present(ctx, await merchants.setFacts(ctx.state.session.merchantId, body, by(ctx))),
  );
  route(router, api.setServiceHours, owner, async ({ body }, ctx) =>
    present(ctx, await merchants.setServiceHours(ctx.state.session.merchantId, body, by(ctx))),
  );

  route(router, api.addShop, owner, async ({ body }, ctx) =>
    presentShop(await merchants.addShop(ctx.state.session.merchantId, body, by(ctx))),
  );
  route(router, api.updateShop, owner, async ({ params, body }, ctx) =>
    presentShop(await merchants.updateShop(ctx.state.session.merchantId, params.id, body, by(ctx))),
  );
  route(router, api.removeShop, owner, async ({ params }, ctx) => {
    await merchants.removeShop(ctx.state.session.merchantId, params.id, by(ctx));
  });

  return router;
}
