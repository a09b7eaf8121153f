import type { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { AuditActor, MerchantAuditEntry, MerchantAuditModel } from './merchant-audit.model.js';

export type MerchantAuditRecord = MerchantAuditEntry & { _id: Types.ObjectId };

/**
 * The merchant's audit list (`merchant_audit`), its one writer: every setup step and change of credentials, with
 * who did it. Append-only.
 */
export class MerchantAuditRepository extends TenantRepository<MerchantAuditEntry> {
  constructor(model: MerchantAuditModel) {
    super(model);
  }

  async record(
    merchantId: MerchantId,
    entry: { actor: AuditActor; action: string; target?: string },
    at = new Date(),
  ): Promise<void> {
    await this.insertOne(merchantId, { ...entry, at });
  }

  /** The latest entries first. */
  list(merchantId: MerchantId, limit = 100): Promise<MerchantAuditRecord[]> {
    return this.model
      .find(this.scoped(merchantId))
      .sort({ at: -1, _id: -1 })
      .limit(limit)
      .lean<MerchantAuditRecord[]>()
      .exec();
  }
}
