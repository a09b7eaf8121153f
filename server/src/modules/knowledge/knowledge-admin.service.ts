// Editing the shop's knowledge (FAQ, policies, products, scripts): every write is scoped to the merchant and recorded
// in the change history; the repositories of what the knowledge snapshot holds bump its version themselves.
import type { KnowledgeEntity, KnowledgeItemDto } from '@xiaoer/common/schemas/knowledge-item';
import type { FaqInput, PolicyInput, ProductInput, ScriptInput } from '@xiaoer/common/schemas/knowledge';
import type { Types } from 'mongoose';
import type { Session } from '../../auth/session.js';
import { notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { ProductFields } from '../catalog/product-variants.js';
import type { KnowledgeChangeRecord, KnowledgeChangeRepository } from './knowledge-change.repository.js';
import type { KnowledgeChange } from './knowledge-change.model.js';
import { presentItem, type KnowledgeRecords } from './knowledge-item.presenter.js';
import type { ItemFields } from './knowledge-item.repository.js';
import type { Faq, Policy } from './faq.model.js';
import type { NewScript } from './script.repository.js';

export type Entity = KnowledgeEntity;

/** What the console sends for each kind of item. */
export interface KnowledgeInputs {
  faq: FaqInput;
  policy: PolicyInput;
  product: ProductInput;
  script: ScriptInput;
}
/** What each kind's repository stores. */
interface KnowledgeFields {
  faq: ItemFields<Faq>;
  policy: ItemFields<Policy>;
  product: ProductFields;
  script: NewScript;
}

/** What the editor needs of each kind's repository. */
export interface KnowledgeStore<F, R> {
  recentlyChanged(merchantId: MerchantId): Promise<R[]>;
  create(merchantId: MerchantId, fields: F): Promise<R>;
  update(merchantId: MerchantId, id: string, fields: F): Promise<{ before: R; after: R } | null>;
  remove(merchantId: MerchantId, id: string): Promise<R | null>;
}
export type KnowledgeStores = { [E in Entity]: KnowledgeStore<KnowledgeFields[E], KnowledgeRecords[E]> };

const same = <T>(input: T) => input;
/** Prices arrive in fen, as they are stored; with variants the repository derives the product's price and stock. */
const productFields = (p: ProductInput): ProductFields => p;
const toFields: { [E in Entity]: (input: KnowledgeInputs[E]) => KnowledgeFields[E] } = {
  faq: same,
  policy: same,
  product: productFields,
  script: same,
};

/** The history keeps an item as the editor showed it. */
const snapshot = <E extends Entity>(entity: E, item: KnowledgeRecords[E]): KnowledgeItemDto =>
  presentItem[entity](item);

export class KnowledgeAdminService {
  constructor(
    private stores: KnowledgeStores,
    private history: KnowledgeChangeRepository,
  ) {}

  list<E extends Entity>(merchantId: MerchantId, entity: E): Promise<KnowledgeRecords[E][]> {
    const store: KnowledgeStore<KnowledgeFields[E], KnowledgeRecords[E]> = this.stores[entity];
    return store.recentlyChanged(merchantId);
  }

  async create<E extends Entity>(session: Session, entity: E, input: KnowledgeInputs[E]): Promise<KnowledgeRecords[E]> {
    const store: KnowledgeStore<KnowledgeFields[E], KnowledgeRecords[E]> = this.stores[entity];
    const created = await store.create(session.merchantId, toFields[entity](input));
    await this.record(session, entity, created._id, 'create', undefined, snapshot(entity, created));
    return created;
  }

  async update<E extends Entity>(
    session: Session,
    entity: E,
    id: string,
    input: KnowledgeInputs[E],
  ): Promise<KnowledgeRecords[E]> {
    const store: KnowledgeStore<KnowledgeFields[E], KnowledgeRecords[E]> = this.stores[entity];
    const changed = await store.update(session.merchantId, id, toFields[entity](input));
    if (!changed) throw notFound('没有找到这条资料');
    const { before, after } = changed;
    await this.record(session, entity, after._id, 'update', snapshot(entity, before), snapshot(entity, after));
    return after;
  }

  async remove(session: Session, entity: Entity, id: string): Promise<void> {
    const removed = await this.stores[entity].remove(session.merchantId, id);
    if (!removed) throw notFound('没有找到这条资料');
    await this.record(session, entity, removed._id, 'delete', snapshot(entity, removed), undefined);
  }

  changes(merchantId: MerchantId, limit = 50): Promise<KnowledgeChangeRecord[]> {
    return this.history.latest(merchantId, limit);
  }

  private async record(
    session: Session,
    entity: Entity,
    entityId: Types.ObjectId,
    action: KnowledgeChange['action'],
    before?: KnowledgeItemDto,
    after?: KnowledgeItemDto,
  ) {
    await this.history.record(session.merchantId, {
      entity,
      entityId,
      action,
      staffId: session.staffId,
      before,
      after,
    });
  }
}
