import { Router } from '@koa/router';
import { idParamsSchema } from '@xiaoer/common/schemas/common';
import { faqInputSchema, policyInputSchema, productInputSchema } from '@xiaoer/common/schemas/knowledge';
import type { z } from 'zod';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { Entity, KnowledgeAdminService } from './knowledge-admin.service.js';

const RESOURCES: [string, Entity, z.ZodType][] = [
  ['faqs', 'faq', faqInputSchema],
  ['policies', 'policy', policyInputSchema],
  ['products', 'product', productInputSchema],
];

/** The same four endpoints for each kind of knowledge; staff read, managers and owners edit. */
export function knowledgeRoutes(admin: KnowledgeAdminService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/knowledge' });
  for (const [path, entity, schema] of RESOURCES) {
    router.get(`/${path}`, async (ctx) => {
      ctx.body = { items: await admin.list(ctx.state.session.merchantId, entity) };
    });
    router.post(`/${path}`, requireRole('manager'), async (ctx) => {
      ctx.status = 201;
      ctx.body = await admin.create(ctx.state.session, entity, parse(schema, ctx.request.body) as never);
    });
    router.put(`/${path}/:id`, requireRole('manager'), async (ctx) => {
      ctx.body = await admin.update(ctx.state.session, entity, parse(idParamsSchema, ctx.params).id, parse(schema, ctx.request.body) as never);
    });
    router.delete(`/${path}/:id`, requireRole('manager'), async (ctx) => {
      await admin.remove(ctx.state.session, entity, parse(idParamsSchema, ctx.params).id);
      ctx.status = 204;
    });
  }
  router.get('/history', requireRole('manager'), async (ctx) => {
    ctx.body = { items: await admin.changes(ctx.state.session.merchantId) };
  });
  return router;
}
