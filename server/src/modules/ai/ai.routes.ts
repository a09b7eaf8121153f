import { Router } from '@koa/router';
import { autoReplySettingsSchema, llmSettingsSchema } from '@xiaoer/common/schemas/ai-settings';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { LlmSettingsService } from './llm-settings.service.js';

export function aiRoutes(llm: LlmSettingsService, merchants: MerchantRepository, knowledge: KnowledgeBaseService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/ai' });
  router.get('/llm-settings', requireRole('owner'), async (ctx) => {
    ctx.body = await llm.view(ctx.state.session.merchantId);
  });
  router.put('/llm-settings', requireRole('owner'), async (ctx) => {
    await llm.save(ctx.state.session.merchantId, parse(llmSettingsSchema, ctx.request.body));
    ctx.body = await llm.view(ctx.state.session.merchantId);
  });
  router.put('/auto-reply', requireRole('owner'), async (ctx) => {
    const { mode } = parse(autoReplySettingsSchema, ctx.request.body);
    await merchants.setAutoReplyMode(ctx.state.session.merchantId, mode);
    await knowledge.changed(ctx.state.session.merchantId);
    ctx.body = { mode };
  });
  return router;
}
