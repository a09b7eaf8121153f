import { Router } from '@koa/router';
import {
  autoReplySettingsSchema,
  draftFeedbackSchema,
  llmSettingsSchema,
  suggestionQuerySchema,
} from '@xiaoer/common/schemas/ai-settings';
import { PassThrough } from 'node:stream';
import { DRAFT_KINDS, type SuggestionService } from './suggestions.service.js';
import type { CustomerSummaryService } from './customer-summary.service.js';
import { idParamsSchema } from '@xiaoer/common/schemas/common';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { LlmSettingsService } from './llm-settings.service.js';

export function aiRoutes(
  llm: LlmSettingsService,
  merchants: MerchantRepository,
  knowledge: KnowledgeBaseService,
  suggestions: SuggestionService,
  summaries: CustomerSummaryService,
): Router<AuthedState> {
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
  // Drafts for the sidebar, all at once (in slot order) ...
  router.post('/suggestions', async (ctx) => {
    const { customerId, question } = parse(suggestionQuerySchema, ctx.request.body);
    const drafts = [];
    const { merchantId, staffId } = ctx.state.session;
    for await (const d of (await suggestions.open(merchantId, staffId, customerId))(question)) drafts.push(d);
    ctx.body = { drafts: drafts.sort((a, b) => DRAFT_KINDS.indexOf(a.kind) - DRAFT_KINDS.indexOf(b.kind)) };
  });
  // ... or streamed as server-sent events: `answer_text` while the answer is being written, a `draft` as each is
  // ready, then `done`. An unknown customer (404) or too many requests (429) is still JSON: the stream opens after.
  router.get('/suggestions/stream', async (ctx) => {
    const { customerId, question } = parse(suggestionQuerySchema, ctx.query);
    const drafts = await suggestions.open(ctx.state.session.merchantId, ctx.state.session.staffId, customerId);
    const stream = new PassThrough();
    const send = (event: string, data: unknown) => stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    ctx.set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Accel-Buffering': 'no',
    });
    ctx.body = stream;
    void (async () => {
      for await (const d of drafts(question, (text) => send('answer_text', { text }))) send('draft', d);
      send('done', {});
      stream.end();
    })().catch((err: Error) =>
      stream.end(`event: error\ndata: ${JSON.stringify({ message: '生成建议失败，请重试', detail: err.name })}\n\n`),
    );
  });
  // 智能纪要: a short summary of the customer and tags their own words suggest (staff confirm them).
  router.get('/customers/:id/summary', async (ctx) => {
    ctx.body = await summaries.summarize(ctx.state.session.merchantId, parse(idParamsSchema, ctx.params).id);
  });
  router.post('/suggestions/feedback', async (ctx) => {
    await suggestions.recordFeedback(
      ctx.state.session.merchantId,
      ctx.state.session.staffId,
      parse(draftFeedbackSchema, ctx.request.body),
    );
    ctx.status = 204;
  });
  return router;
}
