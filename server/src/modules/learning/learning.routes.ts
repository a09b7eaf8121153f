import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/learning';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import type { AskPreviewService } from './ask-preview.service.js';
import { presentAsk, presentUnanswered } from './learning.presenter.js';
import type { UnansweredQuestionService } from './unanswered.service.js';

/** Managers and owners teach the shop's knowledge (as they edit it); anyone signed in may ask 问问小二. */
export function learningRoutes(unanswered: UnansweredQuestionService, preview: AskPreviewService) {
  const router = new Router<AuthedState>();
  const manager = requireRole('manager');
  route(router, api.unansweredQuestions, manager, async ({ query }, ctx) =>
    presentUnanswered(await unanswered.list(ctx.state.session.merchantId, query.days)),
  );
  route(router, api.answerQuestions, manager, ({ params, body }, ctx) =>
    unanswered.answer(ctx.state.session, params.id, body),
  );
  route(router, api.dismissQuestions, manager, ({ params }, ctx) => unanswered.dismiss(ctx.state.session, params.id));
  route(router, api.saveStaffAnswer, manager, ({ body }, ctx) => unanswered.learnFromStaff(ctx.state.session, body));
  route(router, api.ask, async ({ body }, ctx) =>
    presentAsk(await preview.ask(ctx.state.session.merchantId, body.question)),
  );
  return router;
}
