// Editing the shop's knowledge (FAQ, policies, products, scripts): every write is scoped to the merchant and recorded
// in the change history; the repositories of what the knowledge snapshot holds bump its version themselves.
import type { FaqInput, PolicyInput, ProductInput, ScriptInput } from '@xiaoer/common/schemas/knowledge';
import type { Types } from 'mongoose';
import type { Session } from '../../auth/session.js';
import { notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { NewProduct } from '../catalog/product.repository.js';
import type { KnowledgeChangeRepository } from './knowledge-change.repository.js';
import type { KnowledgeChange } from './knowledge-change.model.js';
import type { ItemFields } from './knowledge-item.repository.js';
import type { Faq, Policy } from './faq.model.js';
import type { NewScript } from './script.repository.js';

export type Entity = KnowledgeChange['entity'];

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
  product: NewProduct;
  script: NewScript;
}

type Item = { _id: Types.ObjectId };

/** What the editor needs of each kind's repository. */
export interface KnowledgeStore<F> {
  recentlyChanged(merchantId: MerchantId): Promise<Item[]>;
  create(merchantId: MerchantId, fields: F): Promise<Item>;
  update(merchantId: MerchantId, id: string, fields: F): Promise<{ before: Item; after: Item } | null>;
  remove(merchantId: MerchantId, id: string): Promise<Item | null>;
}
export type KnowledgeStores = { [E in Entity]: KnowledgeStore<KnowledgeFields[E]> };

/** An item as it leaves the server and as the history keeps it: its own fields and id, no tenant or bookkeeping. */
function view(item: Item): Record<string, unknown> {
  const {
    _id,
    merchantId: _m,
    __v: _v,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = item as Item & Record<string, unknown>;
  return { id: String(_id), ...rest };
}

const same = <T>(input: T) => input;
/** Prices arrive in fen, as they are stored. */
const productFields = (p: ProductInput): NewProduct => p;
const toFields: { [E in Entity]: (input: KnowledgeInputs[E]) => KnowledgeFields[E] } = {
  faq: same,
  policy: same,
  product: productFields,
  script: same,
};

export class KnowledgeAdminService {
  constructor(
    private stores: KnowledgeStores,
    private history: KnowledgeChangeRepository,
  ) {}

  async list(merchantId: MerchantId, entity: Entity) {
    return (await this.stores[entity].recentlyChanged(merchantId)).map(view);
  }

  async create<E extends Entity>(session: Session, entity: E, input: KnowledgeInputs[E]) {
    const store: KnowledgeStore<KnowledgeFields[E]> = this.stores[entity];
    const created = await store.create(session.merchantId, toFields[entity](input));
    const after = view(created);
    await this.record(session, entity, created._id, 'create', undefined, after);
    return after;
  }

  async update<E extends Entity>(session: Session, entity: E, id: string, input: KnowledgeInputs[E]) {
    const store: KnowledgeStore<KnowledgeFields[E]> = this.stores[entity];
    const changed = await store.update(session.merchantId, id, toFields[entity](input));
    if (!changed) throw notFound('没有找到这条资料');
    const after = view(changed.after);
    await this.record(session, entity, changed.after._id, 'update', view(changed.before), after);
    return after;
  }

  async remove(session: Session, entity: Entity, id: string): Promise<void> {
    const removed = await this.stores[entity].remove(session.merchantId, id);
    if (!removed) throw notFound('没有找到这条资料');
    await this.record(session, entity, removed._id, 'delete', view(removed), undefined);
  }

  async changes(merchantId: MerchantId, limit = 50) {
    const rows = await this.history.latest(merchantId, limit);
    return rows.map((r) => ({
      entity: r.entity,
      entityId: String(r.entityId),
      action: r.action,
      staffId: String(r.staffId),
      before: r.before,
      after: r.after,
      at: r.at.toISOString(),
    }));
  }

  private async record(
    session: Session,
    entity: Entity,
    entityId: Types.ObjectId,
    action: KnowledgeChange['action'],
    before?: Record<string, unknown>,
    after?: Record<string, unknown>,
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
