import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/ai';
import { PassThrough } from 'node:stream';
import type { z } from 'zod';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { pathUnder, route } from '../../http/contract-route.js';
import { parse } from '../../http/validate.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import { presentCustomerSummary, presentLlmSettings, presentSuggestionDraft } from './ai.presenter.js';
import type { CustomerSummaryService } from './customer-summary.service.js';
import type { LlmSettingsService } from './llm-settings.service.js';
import { DRAFT_KINDS, type SuggestionService } from './suggestions.service.js';

export function aiRoutes(
  llm: LlmSettingsService,
  merchants: MerchantRepository,
  suggestions: SuggestionService,
  summaries: CustomerSummaryService,
): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/ai' });
  route(router, api.llmSettings, requireRole('owner'), async (_, ctx) =>
    presentLlmSettings(await llm.view(ctx.state.session.merchantId)),
  );
  route(router, api.saveLlmSettings, requireRole('owner'), async ({ body }, ctx) => {
    await llm.save(ctx.state.session.merchantId, body);
    return presentLlmSettings(await llm.view(ctx.state.session.merchantId));
  });
  route(router, api.setAutoReply, requireRole('owner'), async ({ body }, ctx) => {
    await merchants.setAutoReplyMode(ctx.state.session.merchantId, body.mode); // renews the knowledge snapshot
    return { mode: body.mode };
  });
  // Drafts for the sidebar, all at once (in slot order) ...
  route(router, api.suggestions, async ({ body }, ctx) => {
    const drafts = [];
    const { merchantId, staffId } = ctx.state.session;
    for await (const d of (await suggestions.open(merchantId, staffId, body.customerId))(body.question)) drafts.push(d);
    drafts.sort((a, b) => DRAFT_KINDS.indexOf(a.kind) - DRAFT_KINDS.indexOf(b.kind));
    return { drafts: drafts.map(presentSuggestionDraft) };
  });
  // ... or streamed as server-sent events: `answer_text` while the answer is being written, a `draft` as each is
  // ready, then `done`. An unknown customer (404) or too many requests (429) is still JSON: the stream opens after.
  router.get(pathUnder(router, api.suggestionStream), async (ctx) => {
    const { customerId, question } = parse(api.suggestionStream.request, ctx.query);
    const drafts = await suggestions.open(ctx.state.session.merchantId, ctx.state.session.staffId, customerId);
    const stream = new PassThrough();
    const send = <K extends keyof typeof api.suggestionEvents>(
      event: K,
      data: z.input<(typeof api.suggestionEvents)[K]>,
    ) => stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    ctx.set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Accel-Buffering': 'no',
    });
    ctx.body = stream;
    void (async () => {
      for await (const d of drafts(question, (text) => send('answer_text', { text })))
        send('draft', presentSuggestionDraft(d));
      send('done', {});
      stream.end();
    })().catch((err: Error) => {
      send('error', { message: '生成建议失败，请重试', detail: err.name });
      stream.end();
    });
  });
  // 智能纪要: a short summary of the customer and tags their own words suggest (staff confirm them).
  route(router, api.customerSummary, async ({ params }, ctx) =>
    presentCustomerSummary(await summaries.summarize(ctx.state.session.merchantId, params.id)),
  );
  route(router, api.suggestionFeedback, ({ body }, ctx) =>
    suggestions.recordFeedback(ctx.state.session.merchantId, ctx.state.session.staffId, body),
  );
  return router;
}
