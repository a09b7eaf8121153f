import { Router } from '@koa/router';
import { DRAFT_STATUSES } from '@xiaoer/common/constants/outreach';
import { idParamsSchema, objectIdSchema } from '@xiaoer/common/schemas/common';
import { outreachSettingsSchema } from '@xiaoer/common/schemas/merchant';
import { z } from 'zod';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import { outreachSettings } from './contact-policy.js';
import type { DraftService } from './draft.service.js';

const listQuery = z.object({ status: z.enum(DRAFT_STATUSES).optional() }).strict();
const approveBody = z.object({ text: z.string().trim().min(1).max(1000).optional() }).strict();
const bulkBody = z.object({ ids: z.array(objectIdSchema).min(1).max(200) }).strict();
const rejectBody = z.object({ note: z.string().trim().max(200).optional() }).strict();

/** The owner's (and managers') drafts inbox and outreach settings. */
export function outreachRoutes(drafts: DraftService, merchants: MerchantRepository, knowledge: KnowledgeBaseService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/outreach' });
  router.use(requireRole('manager'));
  router.get('/drafts', async (ctx) => {
    ctx.body = { items: await drafts.list(ctx.state.session.merchantId, parse(listQuery, ctx.query).status) };
  });
  router.post('/drafts/approve', async (ctx) => {
    ctx.body = await drafts.approveMany(ctx.state.session, parse(bulkBody, ctx.request.body).ids);
  });
  router.post('/drafts/:id/approve', async (ctx) => {
    ctx.body = await drafts.approve(ctx.state.session, parse(idParamsSchema, ctx.params).id, parse(approveBody, ctx.request.body ?? {}).text);
  });
  router.post('/drafts/:id/reject', async (ctx) => {
    ctx.body = await drafts.reject(ctx.state.session, parse(idParamsSchema, ctx.params).id, parse(rejectBody, ctx.request.body ?? {}).note);
  });
  router.get('/settings', async (ctx) => {
    ctx.body = outreachSettings((await merchants.findById(ctx.state.session.merchantId))?.outreach);
  });
  router.put('/settings', requireRole('owner'), async (ctx) => {
    const settings = parse(outreachSettingsSchema, ctx.request.body);
    await merchants.setOutreach(ctx.state.session.merchantId, settings);
    await knowledge.changed(ctx.state.session.merchantId); // the scan reads settings with the knowledge snapshot
    ctx.body = settings;
  });
  return router;
}
