import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/knowledge-template';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import {
  presentKnowledgeTemplate,
  presentTemplateResult,
  presentWelcomeTexts,
} from './knowledge-template.presenter.js';
import type { KnowledgeTemplateService } from './knowledge-template.service.js';

/**
 * The knowledge step: the industry template (managers read, owners apply) and the welcome texts (staff read them, managers
 * and owners edit them, here and on the 联系我 page).
 */
export function knowledgeTemplateRoutes(templates: KnowledgeTemplateService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/knowledge' });
  const manager = requireRole('manager');
  const owner = requireRole('owner');
  route(router, api.template, manager, async (_, ctx) =>
    presentKnowledgeTemplate(await templates.describe(ctx.state.session.merchantId)),
  );
  route(router, api.applyTemplate, owner, async (_, ctx) =>
    presentTemplateResult(await templates.apply(ctx.state.session)),
  );
  route(router, api.welcomeTexts, async (_, ctx) =>
    presentWelcomeTexts(await templates.welcomeTexts(ctx.state.session.merchantId)),
  );
  route(router, api.saveWelcomeTexts, manager, async ({ body }, ctx) =>
    presentWelcomeTexts(await templates.saveWelcomeTexts(ctx.state.session, body.items)),
  );
  return router;
}
