import { KnowledgeItemRepository, type Stored } from './knowledge-item.repository.js';
import type { KnowledgeVersion } from './knowledge-version.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { Faq, FaqModel } from './faq.model.js';

export type FaqRecord = Stored<Faq>;

/** The shop's FAQ; a write bumps the knowledge version (the bot answers from them). */
export class FaqRepository extends KnowledgeItemRepository<Faq> {
  constructor(model: FaqModel, version: KnowledgeVersion) {
    super(model, version);
  }

  /** The FAQ a spreadsheet row updates: the one asked first the same way. */
  async idByFirstQuestion(merchantId: MerchantId, question: string): Promise<string | null> {
    const row = await this.model
      .findOne(this.scoped(merchantId, { 'questions.0': question }), { _id: 1 })
      .lean<{ _id: unknown }>()
      .exec();
    return row && String(row._id);
  }
}
