import { insertedOnce } from '../../db/duplicate-key.js';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { IntakeRequest, IntakeRequestModel } from './webhook-endpoint.model.js';

/** Webhook deliveries that carried an Idempotency-Key, with their answer: a retry with the same key gets it back. */
export class IntakeRequestRepository extends TenantRepository<IntakeRequest> {
  constructor(model: IntakeRequestModel) {
    super(model);
  }

  /** The answer remembered under the key sent to this endpoint (another endpoint's same key is another request). */
  byKey(
    merchantId: MerchantId,
    endpointId: string,
    key: string,
  ): Promise<Pick<IntakeRequest, 'bodyHash' | 'report'> | null> {
    return this.model
      .findOne(this.scoped(merchantId, { endpointId, key }), { bodyHash: 1, report: 1 })
      .lean<Pick<IntakeRequest, 'bodyHash' | 'report'>>()
      .exec();
  }

  /** Remembers the answer under its key; a concurrent delivery that stored it first keeps its own (same body). */
  async remember(merchantId: MerchantId, request: Omit<IntakeRequest, 'merchantId'>): Promise<void> {
    await insertedOnce(() => this.model.create({ ...request, merchantId: merchantObjectId(merchantId) }));
  }
}
