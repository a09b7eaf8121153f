import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/knowledge';
import type { z } from 'zod';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { presentProduct } from '../catalog/product.presenter.js';
import type { Entity, KnowledgeAdminService, KnowledgeInputs } from './knowledge-admin.service.js';
import { presentKnowledgeChange } from './knowledge-change.presenter.js';
import type { KnowledgeImportService } from './knowledge-import.service.js';
import { presentItem, type KnowledgeDtos } from './knowledge-item.presenter.js';
import type { ScriptLibraryService } from './script-library.service.js';
import type { ScriptUseService } from './script-use.service.js';

type EndpointsOf<E extends Entity> = api.KnowledgeItemEndpoints<
  z.ZodType<KnowledgeInputs[E]>,
  z.ZodType<KnowledgeDtos[E]>
>;

/** One kind of item: staff read, managers and owners edit; every answer through the kind's presenter. */
function itemRoutes<E extends Entity>(
  router: Router<AuthedState>,
  admin: KnowledgeAdminService,
  entity: E,
  endpoints: EndpointsOf<E>,
) {
  const present = presentItem[entity];
  const manager = requireRole('manager');
  route(router, endpoints.list, async (_, ctx) => ({
    items: (await admin.list(ctx.state.session.merchantId, entity)).map(present),
  }));
  route(router, endpoints.create, manager, async ({ body }, ctx) =>
    present(await admin.create(ctx.state.session, entity, body)),
  );
  route(router, endpoints.update, manager, async ({ params, body }, ctx) =>
    present(await admin.update(ctx.state.session, entity, params.id, body)),
  );
  route(router, endpoints.remove, manager, ({ params }, ctx) => admin.remove(ctx.state.session, entity, params.id));
}

export function knowledgeRoutes(
  admin: KnowledgeAdminService,
  scripts: ScriptUseService,
  library: ScriptLibraryService,
  importer: KnowledgeImportService,
  catalog: CatalogService,
): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/knowledge' });
  const manager = requireRole('manager');
  // Spreadsheet import with a per-row report (dryRun: the preview the console shows before importing).
  route(router, api.importProducts, manager, ({ body }, ctx) => importer.import(ctx.state.session, 'product', body));
  route(router, api.importFaqs, manager, ({ body }, ctx) => importer.import(ctx.state.session, 'faq', body));
  itemRoutes(router, admin, 'faq', api.faqs);
  itemRoutes(router, admin, 'policy', api.policies);
  // before the products' own routes: "aliases" is not a product id
  route(router, api.productAliases, async (_, ctx) => ({
    items: await catalog.generatedAliases(ctx.state.session.merchantId),
  }));
  itemRoutes(router, admin, 'product', api.products);
  // A variant's stock or availability without replacing the product (not a menu edit: no history entry).
  route(router, api.setVariantStock, manager, async ({ params, body }, ctx) =>
    presentProduct(await catalog.setVariantStock(ctx.state.session.merchantId, params.id, body)),
  );
  itemRoutes(router, admin, 'script', api.scripts);
  route(router, api.history, manager, async (_, ctx) => ({
    items: (await admin.changes(ctx.state.session.merchantId)).map((c) => presentKnowledgeChange(c.change, c.by)),
  }));
  route(router, api.undoChange, manager, async ({ params }, ctx) => {
    const { change, by } = await admin.undo(ctx.state.session, params.id);
    return presentKnowledgeChange(change, by);
  });

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
  return router;
}
