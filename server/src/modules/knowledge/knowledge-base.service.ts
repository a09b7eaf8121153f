// A merchant's knowledge, loaded once and indexed for retrieval. Kept in this process as a read-through copy: a
// change anywhere bumps the knowledge version (knowledge-version.ts), which every process checks before using its copy.
import { hasBlank } from '@xiaoer/common/schemas/knowledge-template';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { ProductRepository } from '../catalog/product.repository.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { ShopRepository } from '../shops/shop.repository.js';
import { Bm25Index, type Scored } from './bm25.js';
import type { FaqRepository } from './faq.repository.js';
import type { KnowledgeVersion } from './knowledge-version.js';
import type { PolicyRepository } from './policy.repository.js';
import { buildPassages, type KnownMerchant, type KnownProduct, type KnownShop, type Passage } from './passages.js';
import { tokenize } from './tokenizer.js';

export interface KnowledgeBase {
  merchant: KnownMerchant;
  shops: KnownShop[];
  products: KnownProduct[];
  passages: Passage[];
  byId: Map<string, Passage>;
  search(question: string, limit?: number): Scored<Passage>[];
}

/** Without Redis we cannot see other processes' changes: rebuild at least this often. */
const MAX_AGE_MS = 60_000;

export class KnowledgeBaseService {
  private cache = new Map<string, { version: string; builtAt: number; kb: KnowledgeBase }>();

  constructor(
    private version: KnowledgeVersion,
    private merchants: MerchantRepository,
    private shops: ShopRepository,
    private products: ProductRepository,
    private faqs: FaqRepository,
    private policies: PolicyRepository,
  ) {}

  /**
   * For writes to the snapshot's data that are not the knowledge repositories' own (the merchant's hours and
   * settings), so all processes rebuild their copy.
   */
  changed(merchantId: MerchantId): Promise<void> {
    return this.version.bump(merchantId);
  }

  async get(merchantId: MerchantId): Promise<KnowledgeBase> {
    const version = await this.version.current(merchantId);
    const hit = this.cache.get(merchantId);
    if (hit && hit.version === version && Date.now() - hit.builtAt < MAX_AGE_MS) return hit.kb;
    const kb = await this.build(merchantId);
    this.cache.set(merchantId, { version, builtAt: Date.now(), kb });
    return kb;
  }

  private async build(merchantId: MerchantId): Promise<KnowledgeBase> {
    const [merchant, shops, products, faqs, policies] = await Promise.all([
      this.merchants.findById(merchantId),
      this.shops.list(merchantId),
      this.products.list(merchantId),
      this.faqs.all(merchantId),
      this.policies.all(merchantId),
    ]);
    if (!merchant) throw new Error(`merchant ${merchantId} not found`);
    // An item with a blank of the industry template still waits for the owner: the bot must not answer from it.
    return indexKnowledge({
      merchant,
      shops,
      products,
      faqs: faqs.filter((f) => !hasBlank(f.answer, ...f.questions)),
      policies: policies.filter((p) => !hasBlank(p.title, p.content)),
    });
  }
}

/** Passages and their BM25 index for one merchant's data (pure: unit tests build knowledge bases with it). */
export function indexKnowledge(input: Parameters<typeof buildPassages>[0]): KnowledgeBase {
  const passages = buildPassages(input);
  const index = new Bm25Index(passages.map((p) => ({ item: p, tokens: tokenize(p.text) })));
  return {
    merchant: input.merchant,
    shops: input.shops,
    products: input.products,
    passages,
    byId: new Map(passages.map((p) => [p.id, p])),
    search: (question, limit = 5) => index.search(tokenize(question), limit),
  };
}
