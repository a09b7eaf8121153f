import type { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { WebhookDelivery, WebhookDeliveryModel } from './webhook-delivery.model.js';

/** How many deliveries an endpoint's log keeps: enough to see what a POS is doing wrong, never a growing pile. */
export const DELIVERY_LOG_CAP = 20;

export type WebhookDeliveryRecord = WebhookDelivery & { _id: Types.ObjectId };

/** Each webhook endpoint's last deliveries with their outcome, newest first, capped per endpoint. */
export class WebhookDeliveryRepository extends TenantRepository<WebhookDelivery> {
  constructor(model: WebhookDeliveryModel) {
    super(model);
  }

  async add(merchantId: MerchantId, delivery: Omit<WebhookDelivery, 'merchantId'>): Promise<void> {
    await this.model.create({ ...delivery, merchantId: merchantObjectId(merchantId) });
    // trim past the cap: the oldest beyond the newest DELIVERY_LOG_CAP go (a concurrent add trims again, harmlessly)
    const ofEndpoint = this.scoped(merchantId, { endpointId: delivery.endpointId });
    const keep = await this.model
      .find(ofEndpoint, { _id: 1 })
      .sort({ at: -1, _id: -1 })
      .limit(DELIVERY_LOG_CAP)
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    if (keep.length < DELIVERY_LOG_CAP) return;
    await this.model
      .deleteMany(this.scoped(merchantId, { endpointId: delivery.endpointId, _id: { $nin: keep.map((k) => k._id) } }))
      .exec();
  }

  latest(merchantId: MerchantId, endpointId: string): Promise<WebhookDeliveryRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { endpointId }))
      .sort({ at: -1, _id: -1 })
      .limit(DELIVERY_LOG_CAP)
      .lean<WebhookDeliveryRecord[]>()
      .exec();
  }

  /** A revoked endpoint's log goes with it. */
  async removeFor(merchantId: MerchantId, endpointId: string): Promise<void> {
    await this.model.deleteMany(this.scoped(merchantId, { endpointId })).exec();
  }
}
