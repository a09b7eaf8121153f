// The operator's API. Mounted outside the merchants' /api authentication (which would refuse an operator's token):
// login is public and limited, everything else goes through the operator's own authentication.
import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/operator';
import { setupLinkUrl } from '@xiaoer/common/schemas/operator';
import { route } from '../../http/contract-route.js';
import { asMerchantId } from '../../tenancy/merchant-id.js';
import { loginRateLimit, type LoginLimits } from '../auth/login-limits.js';
import type { AuditActor } from '../merchants/merchant-audit.model.js';
import type { OperatorAuthService } from './operator-auth.service.js';
import { authenticateOperator, type OperatorContext, type OperatorState } from './operator.middleware.js';
import type { OperatorMerchantsService } from './operator-merchants.service.js';
import { presentAuditEntry, presentOperator, presentOperatorMerchant } from './operator.presenter.js';
import type { SetupLinkService } from './setup-link.service.js';

const PREFIX = '/api/operator';
const actor = (ctx: OperatorContext): AuditActor => ({ kind: 'operator', id: ctx.state.operator._id.toHexString() });

export function operatorLoginRoutes(auth: OperatorAuthService, limits: LoginLimits): Router {
  const router = new Router({ prefix: PREFIX });
  router.use(loginRateLimit(limits));
  route(router, api.login, ({ body }) => auth.login(body.login, body.password));
  return router;
}

export function operatorRoutes(
  auth: OperatorAuthService,
  merchants: OperatorMerchantsService,
  links: SetupLinkService,
  publicUrl: () => string,
): Router<OperatorState> {
  const router = new Router<OperatorState>({ prefix: PREFIX });
  router.use(authenticateOperator(auth));
  route(router, api.me, (_, ctx) => presentOperator(ctx.state.operator));
  route(router, api.createMerchant, async ({ body }, ctx) => {
    const { overview, link } = await merchants.create(body, actor(ctx));
    return {
      merchant: presentOperatorMerchant(overview),
      // built from the configured public URL, never from the request's Host header
      setupLink: { url: setupLinkUrl(publicUrl(), link.token), expiresAt: link.expiresAt.toISOString() },
    };
  });
  route(router, api.listMerchants, async () => ({ items: (await merchants.list()).map(presentOperatorMerchant) }));
  route(router, api.getMerchant, async ({ params }) => {
    const { audit, ...overview } = await merchants.get(asMerchantId(params.id));
    return { ...presentOperatorMerchant(overview), audit: audit.map(presentAuditEntry) };
  });
  route(router, api.issueSetupLink, async ({ params, body }, ctx) => {
    const merchantId = asMerchantId(params.id);
    await merchants.exists(merchantId);
    const link = await links.issue(merchantId, actor(ctx), body.linkHours);
    return { url: setupLinkUrl(publicUrl(), link.token), expiresAt: link.expiresAt.toISOString() };
  });
  route(router, api.revokeSetupLink, async ({ params }, ctx) => {
    const merchantId = asMerchantId(params.id);
    await merchants.exists(merchantId);
    await links.revoke(merchantId, actor(ctx));
  });
  return router;
}

/** The owner's side of the link: public, limited per address like every sign-in. */
export function setupRedeemRoutes(links: SetupLinkService, limits: LoginLimits): Router {
  const router = new Router({ prefix: '/api/setup' });
  router.use(loginRateLimit(limits));
  route(router, api.redeem, ({ body }) => links.redeem(body.token, body.name));
  return router;
}
