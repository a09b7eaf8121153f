import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/campaigns';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import type { CampaignService } from './campaign.service.js';

/** Campaigns to an audience (managers): the preview with who is left out and why, then the send. */
export function campaignRoutes(campaigns: CampaignService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/campaigns' });
  router.use(requireRole('manager'));
  route(router, api.previewCampaign, ({ body }, ctx) => campaigns.preview(ctx.state.session.merchantId, body.audience));
  route(router, api.sendCampaign, ({ body }, ctx) => campaigns.send(ctx.state.session.merchantId, body));
  return router;
}
