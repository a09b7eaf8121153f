import type { Types } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { TenantRepository } from '../../db/tenant-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { AuditActor } from '../merchants/merchant-audit.model.js';
import type { SetupLink, SetupLinkModel } from './setup-link.model.js';

export type SetupLinkRecord = SetupLink & { _id: Types.ObjectId };

/**
 * Owners' setup links (`setup_links`), the collection's one writer. The operator issues and revokes them within a
 * merchant; redeeming resolves the merchant from the token itself (its hash is unique), so `findByTokenHash` and
 * `redeem` are the unscoped lookups.
 */
export class SetupLinkRepository extends TenantRepository<SetupLink> {
  constructor(model: SetupLinkModel) {
    super(model);
  }

  /**
   * Revokes the merchant's open link (if any) and stores a new open one. Null when a concurrent issue left its own
   * link open in between (the one-open-link index refused this one).
   */
  async replaceOpen(
    merchantId: MerchantId,
    link: { tokenHash: string; expiresAt: Date; createdBy: AuditActor },
    now = new Date(),
  ): Promise<{ link: SetupLinkRecord; revoked: SetupLinkRecord | null } | null> {
    const revoked = await this.revokeOpen(merchantId, link.createdBy, now);
    try {
      return { link: await this.insertOne<SetupLinkRecord>(merchantId, { ...link, state: 'open' }), revoked };
    } catch (err) {
      if (isDuplicateKey(err)) return null;
      throw err;
    }
  }

  /** Revokes the merchant's open link: the link as it was, or null when none was open. */
  revokeOpen(merchantId: MerchantId, by: AuditActor, now = new Date()): Promise<SetupLinkRecord | null> {
    return this.model
      .findOneAndUpdate(this.scoped(merchantId, { state: 'open' }), {
        $set: { state: 'revoked', revokedAt: now, revokedBy: by },
      })
      .lean<SetupLinkRecord>()
      .exec();
  }

  latest(merchantId: MerchantId): Promise<SetupLinkRecord | null> {
    return this.model.findOne(this.scoped(merchantId)).sort({ createdAt: -1, _id: -1 }).lean<SetupLinkRecord>().exec();
  }

  /** The link a token belongs to, in whatever state (to tell the owner why it no longer works). */
  findByTokenHash(tokenHash: string): Promise<SetupLinkRecord | null> {
    return this.model.findOne({ tokenHash }).lean<SetupLinkRecord>().exec();
  }

  /** Marks an open, unexpired link used, atomically: of two redemptions of one link only one gets it. */
  redeem(tokenHash: string, ownerId: string, now = new Date()): Promise<SetupLinkRecord | null> {
    return this.model
      .findOneAndUpdate(
        { tokenHash, state: 'open', expiresAt: { $gt: now } },
        { $set: { state: 'used', usedAt: now, usedBy: ownerId } },
        { returnDocument: 'after' },
      )
      .lean<SetupLinkRecord>()
      .exec();
  }
}
