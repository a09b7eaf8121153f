import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/outreach';
import {
  applyIndustryTemplate,
  resolveOutreachSettings,
  type OutreachSettingsInput,
} from '@xiaoer/common/schemas/merchant';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { DraftService } from './draft.service.js';
import { presentBulkResult, presentOutreachSettings } from './outreach.presenter.js';

/** The owner's (and managers') drafts inbox and outreach settings. */
export function outreachRoutes(drafts: DraftService, merchants: MerchantRepository): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/outreach' });
  const settingsOf = async (merchantId: MerchantId) => {
    const merchant = await merchants.findById(merchantId);
    return resolveOutreachSettings(merchant?.outreach, merchant?.industry ?? '餐饮');
  };
  const presentSettings = async (merchantId: MerchantId) => presentOutreachSettings(await settingsOf(merchantId));
  // (the repository bumps the knowledge version: the scans read settings with the knowledge snapshot)
  const save = (merchantId: MerchantId, settings: OutreachSettingsInput) => merchants.setOutreach(merchantId, settings);
  router.use(requireRole('manager'));
  // (drafts leave the draft service already presented: draft.presenter.ts names the customer as staff know them)
  route(router, api.drafts, ({ query }, ctx) => drafts.list(ctx.state.session.merchantId, query));
  route(router, api.approveDrafts, async ({ body }, ctx) =>
    presentBulkResult(await drafts.approveMany(ctx.state.session, body.ids)),
  );
  route(router, api.approveDraft, ({ params, body }, ctx) => drafts.approve(ctx.state.session, params.id, body.text));
  route(router, api.rejectDraft, ({ params, body }, ctx) => drafts.reject(ctx.state.session, params.id, body.note));
  route(router, api.settings, (_, ctx) => presentSettings(ctx.state.session.merchantId));
  route(router, api.saveSettings, requireRole('owner'), async ({ body }, ctx) => {
    await save(ctx.state.session.merchantId, body);
    return presentSettings(ctx.state.session.merchantId);
  });
  // Start over from an industry's template (the run time and contact policy are kept).
  route(router, api.applyTemplate, requireRole('owner'), async ({ body }, ctx) => {
    const { merchantId } = ctx.state.session;
    await save(merchantId, applyIndustryTemplate(await settingsOf(merchantId), body.industry));
    return presentSettings(merchantId);
  });
  return router;
}
