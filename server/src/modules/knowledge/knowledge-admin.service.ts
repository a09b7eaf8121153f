// Editing the shop's knowledge (FAQ, policies, products, scripts): every write is scoped to the merchant and recorded
// in the change history; the repositories of what the knowledge snapshot holds bump its version themselves.
import type { KnowledgeEntity, KnowledgeItemDto } from '@xiaoer/common/schemas/knowledge-item';
import {
  faqInputSchema,
  policyInputSchema,
  productInputSchema,
  scriptInputSchema,
  type FaqInput,
  type PolicyInput,
  type ProductInput,
  type ScriptInput,
} from '@xiaoer/common/schemas/knowledge';
import type { Types } from 'mongoose';
import type { z } from 'zod';
import type { Session } from '../../auth/session.js';
import { conflict, notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { ProductFields } from '../catalog/product-variants.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type {
  KnowledgeChangeRecord,
  KnowledgeChangeRepository,
  NewKnowledgeChange,
} from './knowledge-change.repository.js';
import type { KnowledgeChange } from './knowledge-change.model.js';
import { presentItem, type KnowledgeRecords } from './knowledge-item.presenter.js';
import type { ItemFields } from './knowledge-item.repository.js';
import type { Faq, Policy } from './faq.model.js';
import { newestFirstPage, type PageRequest } from '../../db/newest-first-page.js';
import type { NewScript } from './script.repository.js';
import { undoFields } from './undo-fields.js';

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
  /** a page of the same list (TenantRepository's keyset read) */
  newestBefore(
    merchantId: MerchantId,
    filter: object,
    dateField: 'updatedAt',
    before: Date,
    limit: number,
    beforeId?: string,
  ): Promise<R[]>;
  findById(merchantId: MerchantId, id: string): Promise<R | null>;
  /** with an id: a deleted item brought back (an undo) */
  create(merchantId: MerchantId, fields: F, id?: Types.ObjectId): Promise<R>;
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

/** What the editor would send to make an item what the history shows it was (an undo). */
const inputSchemas: { [E in Entity]: z.ZodType<KnowledgeInputs[E]> } = {
  faq: faqInputSchema,
  policy: policyInputSchema,
  product: productInputSchema,
  script: scriptInputSchema,
};
function inputOf<E extends Entity>(entity: E, item: KnowledgeItemDto | undefined): KnowledgeInputs[E] {
  // the id and the use count are the item's own, not the editor's
  const { id: _id, usageCount: _uses, ...fields } = (item ?? {}) as Record<string, unknown>;
  const parsed = inputSchemas[entity].safeParse(fields);
  if (!parsed.success) throw conflict('这次修改无法撤销：当时的资料不完整');
  return parsed.data;
}

/** The history keeps an item as the editor showed it. */
const snapshot = <E extends Entity>(entity: E, item: KnowledgeRecords[E]): KnowledgeItemDto =>
  presentItem[entity](item);

export class KnowledgeAdminService {
  constructor(
    private stores: KnowledgeStores,
    private history: KnowledgeChangeRepository,
    /** the history names who made each change */
    private staff: Pick<StaffRepository, 'list' | 'findById'>,
  ) {}

  list<E extends Entity>(merchantId: MerchantId, entity: E): Promise<KnowledgeRecords[E][]> {
    const store: KnowledgeStore<KnowledgeFields[E], KnowledgeRecords[E]> = this.stores[entity];
    return store.recentlyChanged(merchantId);
  }

  /** One page of the same list, the latest changed first. */
  page<E extends Entity>(
    merchantId: MerchantId,
    entity: E,
    page: PageRequest,
  ): Promise<{ items: KnowledgeRecords[E][]; nextCursor?: string }> {
    const store: KnowledgeStore<KnowledgeFields[E], KnowledgeRecords[E]> = this.stores[entity];
    return newestFirstPage(
      (before, limit, beforeId) => store.newestBefore(merchantId, {}, 'updatedAt', before, limit, beforeId),
      (item) => (item as { updatedAt: Date }).updatedAt,
      page,
    );
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

  /** A page of the changes, newest first, each with the name of who made it. */
  async changes(
    merchantId: MerchantId,
    page: PageRequest,
  ): Promise<{ items: { change: KnowledgeChangeRecord; by?: string }[]; nextCursor?: string }> {
    const [changes, staff] = await Promise.all([
      newestFirstPage(
        (before, limit, beforeId) => this.history.newestBefore(merchantId, {}, 'at', before, limit, beforeId),
        (c) => c.at,
        page,
      ),
      this.staff.list(merchantId),
    ]);
    const names = new Map(staff.map((s) => [s._id.toHexString(), s.name]));
    return {
      ...changes,
      items: changes.items.map((change) => ({ change, by: names.get(change.staffId.toHexString()) })),
    };
  }

  /**
   * An edit made outside the editor's own replace (a variant's 售罄/恢复 or stock from the catalogue): recorded as an
   * update of the item, by the session's member, so the history shows it and it can be undone like any edit.
   */
  async recordEdit<E extends Entity>(
    session: Session,
    entity: E,
    before: KnowledgeRecords[E],
    after: KnowledgeRecords[E],
  ): Promise<void> {
    await this.record(session, entity, after._id, 'update', snapshot(entity, before), snapshot(entity, after));
  }

  /**
   * Puts the item back as it was before the change: a created item is deleted, an updated one replaced by what it
   * was, a deleted one brought back with its id. Only the item's latest change (an earlier one would silently drop
   * the edits after it: 409); the undo is recorded as a change of its own, by the session's member.
   */
  async undo(session: Session, changeId: string): Promise<{ change: KnowledgeChangeRecord; by?: string }> {
    const { merchantId } = session;
    const change = await this.history.findById(merchantId, changeId);
    if (!change) throw notFound('没有找到这条修改记录');
    const latest = await this.history.latestOf(merchantId, change.entityId);
    if (!latest?._id.equals(change._id)) throw conflict('这条资料之后又改过了，只能撤销它最近的一次修改');
    const entity = change.entity;
    const id = change.entityId.toHexString();
    const store = this.stores[entity] as KnowledgeStore<KnowledgeFields[Entity], KnowledgeRecords[Entity]>;
    const convert = toFields[entity] as (input: KnowledgeInputs[Entity]) => KnowledgeFields[Entity];
    const present = (item: KnowledgeRecords[Entity]) => snapshot(entity, item);
    let undone: Omit<NewKnowledgeChange, 'staffId' | 'undoOf'>;
    if (change.action === 'create') {
      const removed = await store.remove(merchantId, id);
      if (!removed) throw conflict('这条资料已经不在了');
      undone = { entity, entityId: change.entityId, action: 'delete', before: present(removed) };
    } else if (change.action === 'update') {
      // only what this change touched, and not what was written since outside the history (a POS's stock count)
      const now = await store.findById(merchantId, id);
      if (!now) throw conflict('这条资料已经不在了');
      const back = undoFields(present(now), change.before, change.after) as KnowledgeItemDto;
      const changed = await store.update(merchantId, id, convert(inputOf(entity, back)));
      if (!changed) throw conflict('这条资料已经不在了');
      const [before, after] = [present(changed.before), present(changed.after)];
      undone = { entity, entityId: change.entityId, action: 'update', before, after };
    } else {
      const restored = await store.create(merchantId, convert(inputOf(entity, change.before)), change.entityId);
      undone = { entity, entityId: change.entityId, action: 'create', after: present(restored) };
    }
    const recorded = await this.history.record(merchantId, {
      ...undone,
      staffId: session.staffId,
      undoOf: change._id,
    });
    const by = (await this.staff.findById(merchantId, session.staffId))?.name;
    return { change: recorded, by };
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
