import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/tag-rules';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import type { AutoTagService } from './auto-tag.service.js';
import { presentTagRule } from './tag-rule.presenter.js';
import type { TagRuleService } from './tag-rule.service.js';

/** Managers keep the merchant's own auto-tag rules; "apply" re-tags every customer now. */
export function tagRuleRoutes(rules: TagRuleService, autoTags: AutoTagService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/tag-rules' });
  router.use(requireRole('manager'));
  route(router, api.tagRules, async (_, ctx) => ({
    items: (await rules.list(ctx.state.session.merchantId)).map(presentTagRule),
  }));
  route(router, api.createTagRule, async ({ body }, ctx) =>
    presentTagRule(await rules.create(ctx.state.session.merchantId, body)),
  );
  route(router, api.updateTagRule, async ({ params, body }, ctx) =>
    presentTagRule(await rules.update(ctx.state.session.merchantId, params.id, body)),
  );
  route(router, api.deleteTagRule, ({ params }, ctx) => rules.remove(ctx.state.session.merchantId, params.id));
  route(router, api.previewTagRule, ({ body }, ctx) => autoTags.preview(ctx.state.session.merchantId, body));
  route(router, api.applyTagRules, (_, ctx) => autoTags.apply(ctx.state.session.merchantId));
  return router;
}
