import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/campaigns';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { presentCampaignPreview, presentCampaignSendResult } from './campaign-preview.presenter.js';
import { presentCampaign, presentCampaignDetail } from './campaign.presenter.js';
import type { CampaignRecord } from './campaign.repository.js';
import type { CampaignService } from './campaign.service.js';

/**
 * Campaigns to an audience (managers): the preview with who is left out and why, the send (now or scheduled), the
 * cancel of a scheduled one, and the list and one campaign with how it went.
 */
export function campaignRoutes(campaigns: CampaignService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/campaigns' });
  router.use(requireRole('manager'));
  const detail = async (merchantId: MerchantId, c: CampaignRecord) =>
    presentCampaignDetail(c, await campaigns.senders(merchantId, c));
  route(router, api.previewCampaign, async ({ body }, ctx) =>
    presentCampaignPreview(await campaigns.preview(ctx.state.session.merchantId, body.audience)),
  );
  route(router, api.sendCampaign, async ({ body }, ctx) =>
    presentCampaignSendResult(await campaigns.send(ctx.state.session.merchantId, body)),
  );
  route(router, api.listCampaigns, async (_req, ctx) => ({
    campaigns: (await campaigns.list(ctx.state.session.merchantId)).map(presentCampaign),
  }));
  route(router, api.campaign, async ({ params }, ctx) => {
    const { merchantId } = ctx.state.session;
    return detail(merchantId, await campaigns.get(merchantId, params.id));
  });
  route(router, api.cancelCampaign, async ({ params }, ctx) => {
    const { merchantId } = ctx.state.session;
    return detail(merchantId, await campaigns.cancel(merchantId, params.id));
  });
  return router;
}
