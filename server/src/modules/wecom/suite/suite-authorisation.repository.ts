import type { Types } from 'mongoose';
import { TenantRepository } from '../../../db/tenant-repository.js';
import type { MerchantId } from '../../../tenancy/merchant-id.js';
import type { SuiteAuthorisation, SuiteAuthorisationModel } from './suite-authorisation.model.js';

export type SuiteAuthorisationRecord = SuiteAuthorisation & { _id: Types.ObjectId };

/**
 * Owners' authorisation links for the 代开发 template (`wecom_suite_authorisations`), the collection's one writer.
 * Asking for a new link supersedes the merchant's pending one; create_auth resolves the merchant from the State's
 * hash (`claim`, the one unscoped lookup), once.
 */
export class SuiteAuthorisationRepository extends TenantRepository<SuiteAuthorisation> {
  constructor(model: SuiteAuthorisationModel) {
    super(model);
  }

  async open(
    merchantId: MerchantId,
    link: { stateHash: string; requestedBy: { kind: string; id: string }; expiresAt: Date },
  ): Promise<void> {
    await this.model
      .updateMany(this.scoped(merchantId, { status: 'pending' }), { $set: { status: 'superseded' } })
      .exec();
    await this.insertOne(merchantId, { ...link, status: 'pending' });
  }

  /**
   * The pending, unexpired link with this State, claimed atomically for one instruction: a replayed State (another
   * instruction) gets null; the same instruction's retry after a failure gets it again.
   */
  claim(stateHash: string, instructionId: string, now = new Date()): Promise<SuiteAuthorisationRecord | null> {
    return this.model
      .findOneAndUpdate(
        {
          stateHash,
          $or: [
            { status: 'pending', expiresAt: { $gt: now } },
            { status: 'claimed', claimedBy: instructionId },
          ],
        },
        { $set: { status: 'claimed', claimedBy: instructionId, usedAt: now } },
        { returnDocument: 'after' },
      )
      .lean<SuiteAuthorisationRecord>()
      .exec();
  }

  /** How a claimed link ended: connected to the corp, or refused with the reason shown to the owner. */
  async settle(
    merchantId: MerchantId,
    id: Types.ObjectId,
    outcome: { corpId: string; failure?: string },
  ): Promise<void> {
    await this.model
      .updateOne(this.scoped(merchantId, { _id: id }), {
        $set: {
          corpId: outcome.corpId,
          ...(outcome.failure ? { status: 'failed', failure: outcome.failure } : { status: 'connected' }),
        },
      })
      .exec();
  }

  /** Whether a link with this State is pending (the redirect's cheap gate before anything is stored). */
  async isPending(stateHash: string, now = new Date()): Promise<boolean> {
    return (await this.model.exists({ stateHash, status: 'pending', expiresAt: { $gt: now } }).exec()) !== null;
  }

  latest(merchantId: MerchantId): Promise<SuiteAuthorisationRecord | null> {
    return this.model
      .findOne(this.scoped(merchantId))
      .sort({ createdAt: -1, _id: -1 })
      .lean<SuiteAuthorisationRecord>()
      .exec();
  }
}
