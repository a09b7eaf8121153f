import { Router } from '@koa/router';
import { idParamsSchema } from '@xiaoer/common/schemas/common';
import { tagRuleInputSchema } from '@xiaoer/common/schemas/tag-rule';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { AutoTagService } from './auto-tag.service.js';
import { presentTagRule } from './tag-rule.presenter.js';
import type { TagRuleService } from './tag-rule.service.js';

/** Managers keep the merchant's own auto-tag rules; "apply" re-tags every customer now. */
export function tagRuleRoutes(rules: TagRuleService, autoTags: AutoTagService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/tag-rules' });
  router.use(requireRole('manager'));
  router.get('/', async (ctx) => {
    ctx.body = { items: (await rules.list(ctx.state.session.merchantId)).map(presentTagRule) };
  });
  router.post('/', async (ctx) => {
    const input = parse(tagRuleInputSchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = presentTagRule(await rules.create(ctx.state.session.merchantId, input));
  });
  router.put('/:id', async (ctx) => {
    const { id } = parse(idParamsSchema, ctx.params);
    const input = parse(tagRuleInputSchema, ctx.request.body);
    ctx.body = presentTagRule(await rules.update(ctx.state.session.merchantId, id, input));
  });
  router.delete('/:id', async (ctx) => {
    await rules.remove(ctx.state.session.merchantId, parse(idParamsSchema, ctx.params).id);
    ctx.status = 204;
  });
  router.post('/apply', async (ctx) => {
    ctx.body = await autoTags.apply(ctx.state.session.merchantId);
  });
  return router;
}
