import { Router } from '@koa/router';
import { idParamsSchema } from '@xiaoer/common/schemas/common';
import { tagRuleInputSchema } from '@xiaoer/common/schemas/tag-rule';
import { Types } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { conflict, notFound } from '../../errors/app-error.js';
import { parse } from '../../http/validate.js';
import { merchantObjectId } from '../../tenancy/merchant-id.js';
import type { AutoTagService } from './auto-tag.service.js';
import type { TagRuleModel } from './tag-rule.model.js';

const duplicate = (err: unknown) => (isDuplicateKey(err) ? conflict('已经有同名标签的规则了') : err);

/** Managers keep the merchant's own auto-tag rules; "apply" re-tags every customer now. */
export function tagRuleRoutes(rules: TagRuleModel, autoTags: AutoTagService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/tag-rules' });
  router.use(requireRole('manager'));
  router.get('/', async (ctx) => {
    ctx.body = { items: await autoTags.rules(ctx.state.session.merchantId) };
  });
  router.post('/', async (ctx) => {
    const input = parse(tagRuleInputSchema, ctx.request.body);
    const created = await rules
      .create({ ...input, merchantId: merchantObjectId(ctx.state.session.merchantId) })
      .catch((e) => Promise.reject(duplicate(e)));
    ctx.status = 201;
    ctx.body = { ...input, id: String(created._id) };
  });
  router.put('/:id', async (ctx) => {
    const input = parse(tagRuleInputSchema, ctx.request.body);
    const filter = {
      _id: new Types.ObjectId(parse(idParamsSchema, ctx.params).id),
      merchantId: merchantObjectId(ctx.state.session.merchantId),
    };
    const updated = await rules
      .findOneAndReplace(filter, { ...input, merchantId: filter.merchantId }, { returnDocument: 'after' })
      .lean()
      .exec()
      .catch((e) => Promise.reject(duplicate(e)));
    if (!updated) throw notFound('没有找到这条规则');
    ctx.body = { ...input, id: String(updated._id) };
  });
  router.delete('/:id', async (ctx) => {
    const res = await rules
      .deleteOne({
        _id: new Types.ObjectId(parse(idParamsSchema, ctx.params).id),
        merchantId: merchantObjectId(ctx.state.session.merchantId),
      })
      .exec();
    if (!res.deletedCount) throw notFound('没有找到这条规则');
    ctx.status = 204;
  });
  router.post('/apply', async (ctx) => {
    ctx.body = await autoTags.apply(ctx.state.session.merchantId);
  });
  return router;
}
