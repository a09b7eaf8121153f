// The shop's knowledge: the console's editor (FAQ, policies, products, scripts; staff read, managers and owners edit),
// spreadsheet import of products and FAQ, the change history; and the sidebar's scripts library (话术库), favourites
// and one-tap use.
import { z } from 'zod';
import { idParamsSchema, objectIdSchema } from '../schemas/common.js';
import {
  faqInputSchema,
  knowledgeImportReportSchema,
  knowledgeImportSchema,
  policyInputSchema,
  productInputSchema,
  scriptInputSchema,
  variantStockUpdateSchema,
} from '../schemas/knowledge.js';
import {
  faqDtoSchema,
  knowledgeChangeDtoSchema,
  policyDtoSchema,
  productDtoSchema,
  scriptDtoSchema,
} from '../schemas/knowledge-item.js';
import { newestFirstPageQuerySchema, pageOf, type NewestFirstPageQuery } from '../schemas/page.js';
import { scriptFavouriteSchema, scriptItemDtoSchema, scriptUseDtoSchema } from '../schemas/sidebar.js';
import { defineEndpoint } from './contract.js';

type ItemsPath = 'faqs' | 'policies' | 'products' | 'scripts';

/** A page of a newest-first list (the editor's items by last change, the history by time). */
export const knowledgePageQuerySchema = newestFirstPageQuerySchema;
export type KnowledgePageQuery = NewestFirstPageQuery;

/**
 * The same four endpoints for each kind of item: the list (the latest changed first; with `limit`, one page of it,
 * without, all of it: the setup step and the checklist read whole lists), create (201), replace (another merchant's
 * id is 404) and delete (204).
 */
function itemEndpoints<In extends z.ZodType, Dto extends z.ZodType>(path: ItemsPath, input: In, dto: Dto) {
  const items = `/knowledge/${path}` as const;
  const item = `/knowledge/${path}/:id` as const;
  return {
    list: defineEndpoint({ method: 'GET', path: items, request: knowledgePageQuerySchema, response: pageOf(dto) }),
    create: defineEndpoint({ method: 'POST', path: items, request: input, response: dto, status: 201 }),
    update: defineEndpoint({ method: 'PUT', path: item, params: idParamsSchema, request: input, response: dto }),
    remove: defineEndpoint({ method: 'DELETE', path: item, params: idParamsSchema, response: z.void(), status: 204 }),
  };
}

/** The four endpoints of one kind of item, typed by its request and response schemas. */
export type KnowledgeItemEndpoints<In extends z.ZodType = z.ZodType, Dto extends z.ZodType = z.ZodType> = ReturnType<
  typeof itemEndpoints<In, Dto>
>;

export const faqs = itemEndpoints('faqs', faqInputSchema, faqDtoSchema);
export const policies = itemEndpoints('policies', policyInputSchema, policyDtoSchema);
/** Prices in fen, going in and coming out. */
export const products = itemEndpoints('products', productInputSchema, productDtoSchema);
export const scripts = itemEndpoints('scripts', scriptInputSchema, scriptDtoSchema);

/**
 * One variant's stock or availability (黄色 L 码 卖完了), without replacing the product; its derived stock follows.
 * Another merchant's product, or a variant the product does not have, is 404.
 */
export const setVariantStock = defineEndpoint({
  method: 'PUT',
  path: '/knowledge/products/:id/variant-stock',
  params: idParamsSchema,
  request: variantStockUpdateSchema,
  response: productDtoSchema,
});

/**
 * Spreadsheet import with a report row by row; `dryRun` is the preview the console shows before importing. Rows
 * update the item of the same name (products) or first question (FAQ). Prices in the sheet are yuan, as people write
 * them.
 */
export const importProducts = defineEndpoint({
  method: 'POST',
  path: '/knowledge/products/import',
  request: knowledgeImportSchema,
  response: knowledgeImportReportSchema,
});
export const importFaqs = defineEndpoint({
  method: 'POST',
  path: '/knowledge/faqs/import',
  request: knowledgeImportSchema,
  response: knowledgeImportReportSchema,
});

/** The changes, newest first, a page at a time (20 unless `limit` says; managers and owners). */
export const history = defineEndpoint({
  method: 'GET',
  path: '/knowledge/history',
  request: knowledgePageQuerySchema,
  response: pageOf(knowledgeChangeDtoSchema),
});

/**
 * Undoes a change: the item goes back to what it was before it (a created item is deleted, a deleted one comes back
 * with its id). Only an item's latest change can be undone (409 otherwise: a later edit would be lost silently); the
 * undo is itself a change in the history, by whoever undid it. Another merchant's change is 404.
 */
export const undoChange = defineEndpoint({
  method: 'POST',
  path: '/knowledge/changes/:id/undo',
  params: idParamsSchema,
  response: knowledgeChangeDtoSchema,
});

/**
 * The names the bot also knows each product by, made from its name (pinyin, initials, short forms kept only when they
 * name one product on this menu): shown beside the owner's own aliases, which it leaves out.
 */
export const productAliases = defineEndpoint({
  method: 'GET',
  path: '/knowledge/products/aliases',
  response: z
    .object({ items: z.array(z.object({ id: z.string(), generated: z.array(z.string()) }).strict()) })
    .strict(),
});

/** The library with pinyin initials for search, the member's favourites first. */
export const scriptLibrary = defineEndpoint({
  method: 'GET',
  path: '/knowledge/script-library',
  response: z.object({ items: z.array(scriptItemDtoSchema) }).strict(),
});

export const setScriptFavourite = defineEndpoint({
  method: 'PUT',
  path: '/knowledge/scripts/:id/favourite',
  params: idParamsSchema,
  request: scriptFavouriteSchema,
  response: scriptFavouriteSchema,
});

/** One tap: the script with its variables filled for this customer (when there is one); counts the use. */
export const useScript = defineEndpoint({
  method: 'POST',
  path: '/knowledge/scripts/:id/use',
  params: idParamsSchema,
  request: z.object({ customerId: objectIdSchema.optional() }).strict(),
  response: scriptUseDtoSchema,
});
