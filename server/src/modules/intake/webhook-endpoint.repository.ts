import { Types } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { TenantRepository } from '../../db/tenant-repository.js';
import { conflict } from '../../errors/app-error.js';
import { asMerchantId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { WebhookEndpoint, WebhookEndpointModel } from './webhook-endpoint.model.js';

export type WebhookEndpointRecord = WebhookEndpoint & { _id: Types.ObjectId };

/** Live: not revoked. */
const LIVE = { revokedAt: { $exists: false } };

/**
 * The merchants' signed webhooks, several per merchant. A delivery is found by the endpoint id in its URL before any
 * tenant is known (`byEndpointId`, the one read not scoped by a MerchantId: the endpoint is what names the tenant,
 * and its signature check follows); everything else is scoped.
 */
export class WebhookEndpointRepository extends TenantRepository<WebhookEndpoint> {
  constructor(model: WebhookEndpointModel) {
    super(model);
  }

  /** The merchant's live endpoints, oldest first (the legacy unnamed one, if any, leads). */
  list(merchantId: MerchantId): Promise<WebhookEndpointRecord[]> {
    return this.model
      .find(this.scoped(merchantId, LIVE), { secretSealed: 0 })
      .sort({ createdAt: 1, _id: 1 })
      .lean<WebhookEndpointRecord[]>()
      .exec();
  }

  /** A new named endpoint; a name already used by a live endpoint of this merchant is a conflict. */
  async create(
    merchantId: MerchantId,
    endpoint: { name: string; endpointId: string; secretSealed: string },
  ): Promise<WebhookEndpointRecord> {
    try {
      return await this.insertOne<WebhookEndpointRecord>(merchantId, { ...endpoint, secretSetAt: new Date() });
    } catch (err) {
      throw isDuplicateKey(err) ? nameTaken(endpoint.name) : err;
    }
  }

  /** Replaces a live endpoint's secret (its URL stays): the old secret stops working at once. Null: none such. */
  rotateSecret(merchantId: MerchantId, id: string, secretSealed: string): Promise<WebhookEndpointRecord | null> {
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: new Types.ObjectId(id), ...LIVE }),
        { $set: { secretSealed, secretSetAt: new Date() } },
        { returnDocument: 'after', projection: { secretSealed: 0 } },
      )
      .lean<WebhookEndpointRecord>()
      .exec();
  }

  /**
   * Revokes a live endpoint: its secret is forgotten and its name freed (kept as revokedName); what is still sent
   * to its URL is refused as revoked. Null: none such (already revoked, another merchant's, unknown).
   */
  revoke(merchantId: MerchantId, id: string): Promise<WebhookEndpointRecord | null> {
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: new Types.ObjectId(id), ...LIVE }),
        [{ $set: { revokedAt: new Date(), revokedName: '$name' } }, { $unset: ['name', 'secretSealed'] }],
        { returnDocument: 'after', updatePipeline: true },
      )
      .lean<WebhookEndpointRecord>()
      .exec();
  }

  /** One live endpoint of the merchant, without its secret. */
  byId(merchantId: MerchantId, id: string): Promise<WebhookEndpointRecord | null> {
    return this.model
      .findOne(this.scoped(merchantId, { _id: new Types.ObjectId(id), ...LIVE }), { secretSealed: 0 })
      .lean<WebhookEndpointRecord>()
      .exec();
  }

  /** The endpoint a delivery's URL names, with its merchant and sealed secret (none once revoked); null: unknown. */
  async byEndpointId(
    endpointId: string,
  ): Promise<{ merchantId: MerchantId; secretSealed?: string; revoked: boolean } | null> {
    const endpoint = await this.model.findOne({ endpointId }).lean<WebhookEndpoint>().exec();
    return (
      endpoint && {
        merchantId: asMerchantId(endpoint.merchantId),
        secretSealed: endpoint.secretSealed,
        revoked: Boolean(endpoint.revokedAt),
      }
    );
  }
}

export const nameTaken = (name: string) => conflict(`已经有叫「${name}」的推送地址了，换个名字吧`);
