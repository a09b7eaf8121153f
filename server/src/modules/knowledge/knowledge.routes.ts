import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/knowledge';
import { idParamsSchema } from '@xiaoer/common/schemas/common';
import {
  faqInputSchema,
  knowledgeImportSchema,
  policyInputSchema,
  productInputSchema,
  scriptInputSchema,
} from '@xiaoer/common/schemas/knowledge';
import type { KnowledgeImportService } from './knowledge-import.service.js';
import type { ScriptUseService } from './script-use.service.js';
import type { ScriptLibraryService } from './script-library.service.js';
import type { z } from 'zod';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import { parse } from '../../http/validate.js';
import type { Entity, KnowledgeAdminService } from './knowledge-admin.service.js';

const RESOURCES: [string, Entity, z.ZodType][] = [
  ['faqs', 'faq', faqInputSchema],
  ['policies', 'policy', policyInputSchema],
  ['products', 'product', productInputSchema],
  ['scripts', 'script', scriptInputSchema],
];

/** The same four endpoints for each kind of knowledge; staff read, managers and owners edit. */
export function knowledgeRoutes(
  admin: KnowledgeAdminService,
  scripts: ScriptUseService,
  library: ScriptLibraryService,
  importer: KnowledgeImportService,
): Router<AuthedState> {
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
      ctx.body = await admin.update(
        ctx.state.session,
        entity,
        parse(idParamsSchema, ctx.params).id,
        parse(schema, ctx.request.body) as never,
      );
    });
    router.delete(`/${path}/:id`, requireRole('manager'), async (ctx) => {
      await admin.remove(ctx.state.session, entity, parse(idParamsSchema, ctx.params).id);
      ctx.status = 204;
    });
  }
  // Spreadsheet import with a per-row report (dryRun: the preview the mini-program shows before importing).
  for (const [path, kind] of [
    ['products', 'product'],
    ['faqs', 'faq'],
  ] as const) {
    router.post(`/${path}/import`, requireRole('manager'), async (ctx) => {
      ctx.body = await importer.import(ctx.state.session, kind, parse(knowledgeImportSchema, ctx.request.body));
    });
  }

  // The sidebar's library: pinyin initials for search, the member's favourites first.
  route(router, api.scriptLibrary, async (_, ctx) => ({
    items: await library.list(ctx.state.session.merchantId, ctx.state.session.staffId),
  }));
  route(router, api.setScriptFavourite, async ({ params, body }, ctx) => {
    const { merchantId, staffId } = ctx.state.session;
    await library.setFavourite(merchantId, staffId, params.id, body.favourite);
    return { favourite: body.favourite };
  });
  // One tap in the sidebar: the script with its variables filled for this customer; counts the use.
  route(router, api.useScript, ({ params, body }, ctx) =>
    scripts.use(ctx.state.session.merchantId, params.id, body.customerId),
  );
  router.get('/history', requireRole('manager'), async (ctx) => {
    ctx.body = { items: await admin.changes(ctx.state.session.merchantId) };
  });
  return router;
}
