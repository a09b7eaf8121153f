import type { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Order, OrderModel } from './order.model.js';

export type OrderRecord = Order & { _id: Types.ObjectId };
export type NewOrder = Omit<Order, 'merchantId' | 'createdAt' | 'updatedAt'>;

export class OrderRepository extends TenantRepository<Order> {
  constructor(model: OrderModel) {
    super(model);
  }

  /** Bulk intake: unordered, so one duplicate (already imported) does not stop the rest; returns how many are new. */
  async insertMany(merchantId: MerchantId, orders: NewOrder[]): Promise<number> {
    const docs = orders.map((o) => ({ ...o, merchantId: merchantObjectId(merchantId) }));
    const result = await this.model.insertMany(docs, { lean: true, ordered: false, rawResult: true });
    return result.insertedCount;
  }
}
