import { Router } from '@koa/router';
import * as catalogApi from '@xiaoer/common/api/catalog';
import * as api from '@xiaoer/common/api/knowledge';
import type { z } from 'zod';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { pathUnder, route } from '../../http/contract-route.js';
import { parse } from '../../http/validate.js';
import { notFound } from '../../errors/app-error.js';
import { asMerchantId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { presentProduct } from '../catalog/product.presenter.js';
import type { ProductRecord } from '../catalog/product.repository.js';
import type { ProductDto } from '@xiaoer/common/schemas/knowledge-item';
import type { Entity, KnowledgeAdminService, KnowledgeInputs } from './knowledge-admin.service.js';
import { presentKnowledgeChange } from './knowledge-change.presenter.js';
import type { KnowledgeImportService } from './knowledge-import.service.js';
import { presentItem, type KnowledgeDtos, type KnowledgeRecords } from './knowledge-item.presenter.js';
import type { ScriptLibraryService } from './script-library.service.js';
import type { ScriptUseService } from './script-use.service.js';

type EndpointsOf<E extends Entity> = api.KnowledgeItemEndpoints<
  z.ZodType<KnowledgeInputs[E]>,
  z.ZodType<KnowledgeDtos[E]>
>;

type Finish<E extends Entity> = (merchantId: MerchantId, items: KnowledgeDtos[E][]) => Promise<KnowledgeDtos[E][]>;

/**
 * One kind of item: staff read, managers and owners edit; every answer through the kind's presenter (then `finish`:
 * products get their photos' links). The list is one page when a limit is asked for, else all of it.
 */
function itemRoutes<E extends Entity>(
  router: Router<AuthedState>,
  admin: KnowledgeAdminService,
  entity: E,
  endpoints: EndpointsOf<E>,
  finish: Finish<E> = async (_, items) => items,
) {
  const present = presentItem[entity];
  const manager = requireRole('manager');
  const one = async (merchantId: MerchantId, item: KnowledgeRecords[E]) =>
    (await finish(merchantId, [present(item)]))[0]!;
  route(router, endpoints.list, async ({ query }, ctx) => {
    const { merchantId } = ctx.state.session;
    const { limit, cursor } = query;
    const page = limit
      ? await admin.page(merchantId, entity, { limit, cursor })
      : { items: await admin.list(merchantId, entity) };
    return { ...page, items: await finish(merchantId, page.items.map(present)) };
  });
  route(router, endpoints.create, manager, async ({ body }, ctx) =>
    one(ctx.state.session.merchantId, await admin.create(ctx.state.session, entity, body)),
  );
  route(router, endpoints.update, manager, async ({ params, body }, ctx) =>
    one(ctx.state.session.merchantId, await admin.update(ctx.state.session, entity, params.id, body)),
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
  const withPhotos = (merchantId: MerchantId, items: ProductDto[]) => catalog.withPhotos(merchantId, items);
  const product = async (merchantId: MerchantId, p: ProductRecord) =>
    (await withPhotos(merchantId, [presentProduct(p)]))[0]!;
  itemRoutes(router, admin, 'product', api.products, withPhotos);
  // A variant's stock or availability without replacing the product; in the history, by who, undoable.
  route(router, api.setVariantStock, manager, async ({ params, body }, ctx) =>
    product(ctx.state.session.merchantId, await catalog.setVariantStock(ctx.state.session, params.id, body)),
  );
  route(router, catalogApi.uploadProductPhoto, manager, async ({ params, body }, ctx) => {
    const { merchantId } = ctx.state.session;
    return product(merchantId, await catalog.setPhoto(merchantId, params.id, body.data));
  });
  route(router, catalogApi.removeProductPhoto, manager, async ({ params }, ctx) => {
    const { merchantId } = ctx.state.session;
    return product(merchantId, await catalog.removePhoto(merchantId, params.id));
  });
  itemRoutes(router, admin, 'script', api.scripts);
  route(router, api.history, manager, async ({ query }, ctx) => {
    const page = await admin.changes(ctx.state.session.merchantId, { limit: query.limit ?? 20, cursor: query.cursor });
    return { ...page, items: page.items.map((c) => presentKnowledgeChange(c.change, c.by)) };
  });
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

/**
 * A product's photo behind its signed link (no session: an <img> cannot send one). A bad, expired or foreign link is
 * 404, like a photo that does not exist; the type is the one read from the bytes at upload.
 */
export function productPhotoFileRoutes(catalog: CatalogService): Router {
  const router = new Router({ prefix: '/api/product-photos' });
  router.get(pathUnder(router, catalogApi.productPhotoFile), async (ctx) => {
    const { merchantId, productId } = parse(catalogApi.productPhotoFile.params, ctx.params);
    const { t, e, s } = parse(catalogApi.productPhotoFile.request, ctx.query);
    const found = await catalog.photoFile({ merchantId: asMerchantId(merchantId), productId, t, e, s });
    if (!found) throw notFound('照片链接已失效，请刷新页面');
    ctx.set({
      'Content-Type': found.contentType,
      'Content-Disposition': `inline; filename="product-${productId}"`,
      'Cache-Control': 'private, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    });
    ctx.body = found.data;
  });
  return router;
}
