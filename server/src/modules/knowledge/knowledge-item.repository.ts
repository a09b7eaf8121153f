import { Types, type Model } from 'mongoose';
import { TenantRepository, type TenantFilter } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { KnowledgeVersion } from './knowledge-version.js';

export type Stored<T> = T & { _id: Types.ObjectId };
/** What an item is created or replaced with: its own fields, without the tenant or the timestamps. */
export type ItemFields<T> = Omit<T, 'merchantId' | 'createdAt' | 'updatedAt'>;

/**
 * The shop's knowledge items as the console edits them. Repositories of items the knowledge snapshot holds (FAQ,
 * policies) are given the version and bump it on every write; items outside the snapshot (scripts) are not.
 */
export abstract class KnowledgeItemRepository<T, F extends object = ItemFields<T>> extends TenantRepository<T> {
  constructor(
    model: Model<T>,
    private version?: KnowledgeVersion,
  ) {
    super(model);
  }

  /** The editor's list: the latest changed first. */
  recentlyChanged(merchantId: MerchantId): Promise<Stored<T>[]> {
    return this.model.find(this.scoped(merchantId)).sort({ updatedAt: -1 }).lean<Stored<T>[]>().exec();
  }

  /** The merchant's item, or null. */
  findById(merchantId: MerchantId, id: string): Promise<Stored<T> | null> {
    return this.model
      .findOne(this.scoped(merchantId, { _id: new Types.ObjectId(id) } as TenantFilter<T>))
      .lean<Stored<T>>()
      .exec();
  }

  /** Every item of the merchant in the order they were added (the snapshot is built from them). */
  all(merchantId: MerchantId): Promise<Stored<T>[]> {
    return this.model.find(this.scoped(merchantId)).sort({ _id: 1 }).lean<Stored<T>[]>().exec();
  }

  /** A new item; with an id: a deleted item brought back as it was (an undo). */
  async create(merchantId: MerchantId, fields: F, id?: Types.ObjectId): Promise<Stored<T>> {
    const item = await this.insertOne<Stored<T>>(merchantId, { ...fields, ...(id ? { _id: id } : {}) } as Partial<T>);
    await this.version?.bump(merchantId);
    return item;
  }

  async insertMany(merchantId: MerchantId, items: F[]): Promise<Stored<T>[]> {
    const docs = items.map((item) => ({ ...item, merchantId: merchantObjectId(merchantId) }));
    const stored = (await this.model.insertMany(docs, { lean: true })) as unknown as Stored<T>[];
    await this.version?.bump(merchantId);
    return stored;
  }

  /** Replaces the item's fields: the item before and after, or null when the merchant has no such item. */
  async update(merchantId: MerchantId, id: string, fields: F): Promise<{ before: Stored<T>; after: Stored<T> } | null> {
    const changed = await this.setById<Stored<T>>(merchantId, id, fields as Partial<T>);
    if (changed) await this.version?.bump(merchantId);
    return changed;
  }

  /** Deletes the item: what it was, or null when the merchant has no such item. */
  async remove(merchantId: MerchantId, id: string): Promise<Stored<T> | null> {
    const removed = await this.deleteById<Stored<T>>(merchantId, id);
    if (removed) await this.version?.bump(merchantId);
    return removed;
  }
}
