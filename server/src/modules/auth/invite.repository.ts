import { Types, type Connection } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import { inviteModel, type Invite, type InviteModel } from './invite.model.js';

export type InviteRecord = Invite & { _id: Types.ObjectId };

/**
 * Mini-program invites, the one writer of `invites`. An owner creates them within their merchant; redeeming one
 * resolves the tenant from the code itself (its hash is unique), so `redeem` is the one unscoped lookup.
 */
export class InviteRepository extends TenantRepository<Invite> {
  constructor(model: InviteModel) {
    super(model);
  }

  async create(
    merchantId: MerchantId,
    invite: { staffId: Types.ObjectId; codeHash: string; expiresAt: Date; createdBy: string },
  ): Promise<void> {
    await this.model.create({
      ...invite,
      merchantId: merchantObjectId(merchantId),
      createdBy: new Types.ObjectId(invite.createdBy),
    });
  }

  /** Marks an unused, unexpired invite used, atomically: of two binds with one code, only one gets it. */
  redeem(codeHash: string, now = new Date()): Promise<InviteRecord | null> {
    return this.model
      .findOneAndUpdate(
        { codeHash, usedAt: { $exists: false }, expiresAt: { $gt: now } },
        { $set: { usedAt: now } },
        { returnDocument: 'after' },
      )
      .lean<InviteRecord>()
      .exec();
  }
}

export const openInviteRepository = (connection: Connection) => new InviteRepository(inviteModel(connection));
