import { TenantRepository } from '../../db/tenant-repository.js';
import { asMerchantId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { WebhookEndpoint, WebhookEndpointModel } from './webhook-endpoint.model.js';

/**
 * The merchants' signed webhooks: one endpoint per merchant. A delivery is found by the endpoint id in its URL before
 * any tenant is known (`byEndpointId`, the one read not scoped by a MerchantId: the endpoint is what names the tenant,
 * and its signature check follows); everything else is scoped.
 */
export class WebhookEndpointRepository extends TenantRepository<WebhookEndpoint> {
  constructor(model: WebhookEndpointModel) {
    super(model);
  }

  /** Creates the merchant's endpoint or replaces its id and secret: the old ones stop working at once. */
  async replace(merchantId: MerchantId, endpointId: string, secretSealed: string): Promise<void> {
    await this.model
      .updateOne(this.scoped(merchantId), { $set: { endpointId, secretSealed } }, { upsert: true })
      .exec();
  }

  current(merchantId: MerchantId): Promise<{ endpointId: string; updatedAt: Date } | null> {
    return this.model
      .findOne(this.scoped(merchantId), { endpointId: 1, updatedAt: 1 })
      .lean<{ endpointId: string; updatedAt: Date }>()
      .exec();
  }

  /** The endpoint a delivery's URL names, with its merchant and sealed secret; null for an unknown id. */
  async byEndpointId(endpointId: string): Promise<{ merchantId: MerchantId; secretSealed: string } | null> {
    const endpoint = await this.model.findOne({ endpointId }).lean<WebhookEndpoint>().exec();
    return endpoint && { merchantId: asMerchantId(endpoint.merchantId), secretSealed: endpoint.secretSealed };
  }
}
