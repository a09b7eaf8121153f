import { Router } from '@koa/router';
import { DRAFT_STATUSES } from '@xiaoer/common/constants/outreach';
import { idParamsSchema, objectIdSchema } from '@xiaoer/common/schemas/common';
import { INDUSTRIES } from '@xiaoer/common/constants/industries';
import {
  applyIndustryTemplate,
  outreachSettingsSchema,
  resolveOutreachSettings,
  type OutreachSettingsInput,
} from '@xiaoer/common/schemas/merchant';
import { z } from 'zod';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { DraftService } from './draft.service.js';

const listQuery = z.object({ status: z.enum(DRAFT_STATUSES).optional() }).strict();
const approveBody = z.object({ text: z.string().trim().min(1).max(1000).optional() }).strict();
const bulkBody = z.object({ ids: z.array(objectIdSchema).min(1).max(200) }).strict();
const rejectBody = z.object({ note: z.string().trim().max(200).optional() }).strict();
const templateBody = z.object({ industry: z.enum(INDUSTRIES) }).strict();

/** The owner's (and managers') drafts inbox and outreach settings. */
export function outreachRoutes(drafts: DraftService, merchants: MerchantRepository): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/outreach' });
  const settingsOf = async (merchantId: MerchantId) => {
    const merchant = await merchants.findById(merchantId);
    return resolveOutreachSettings(merchant?.outreach, merchant?.industry ?? '餐饮');
  };
  // (the repository bumps the knowledge version: the scans read settings with the knowledge snapshot)
  const save = (merchantId: MerchantId, settings: OutreachSettingsInput) => merchants.setOutreach(merchantId, settings);
  router.use(requireRole('manager'));
  router.get('/drafts', async (ctx) => {
    ctx.body = { items: await drafts.list(ctx.state.session.merchantId, parse(listQuery, ctx.query).status) };
  });
  router.post('/drafts/approve', async (ctx) => {
    ctx.body = await drafts.approveMany(ctx.state.session, parse(bulkBody, ctx.request.body).ids);
  });
  router.post('/drafts/:id/approve', async (ctx) => {
    ctx.body = await drafts.approve(
      ctx.state.session,
      parse(idParamsSchema, ctx.params).id,
      parse(approveBody, ctx.request.body ?? {}).text,
    );
  });
  router.post('/drafts/:id/reject', async (ctx) => {
    ctx.body = await drafts.reject(
      ctx.state.session,
      parse(idParamsSchema, ctx.params).id,
      parse(rejectBody, ctx.request.body ?? {}).note,
    );
  });
  router.get('/settings', async (ctx) => {
    ctx.body = await settingsOf(ctx.state.session.merchantId);
  });
  router.put('/settings', requireRole('owner'), async (ctx) => {
    await save(ctx.state.session.merchantId, parse(outreachSettingsSchema, ctx.request.body));
    ctx.body = await settingsOf(ctx.state.session.merchantId);
  });
  // Start over from an industry's template (the run time and contact policy are kept).
  router.post('/settings/template', requireRole('owner'), async (ctx) => {
    const { industry } = parse(templateBody, ctx.request.body);
    await save(
      ctx.state.session.merchantId,
      applyIndustryTemplate(await settingsOf(ctx.state.session.merchantId), industry),
    );
    ctx.body = await settingsOf(ctx.state.session.merchantId);
  });
  return router;
}
