import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { MemberCard, MemberCardModel } from './member-card.model.js';

export type MemberCardRecord = Stored<MemberCard>;
export type NewMemberCard = Omit<MemberCard, 'merchantId' | 'createdAt' | 'updatedAt'>;

/** Stored-value and visit cards, by card number, as the member system last reported them. */
export class MemberCardRepository extends IntakeRecordRepository<MemberCard> {
  constructor(model: MemberCardModel) {
    super(model);
  }

  store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewMemberCard,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    return this.upsertRecord(merchantId, { externalId }, fields, dryRun);
  }

  /** One card by its number (what the member system reported last), or null. */
  findByNumber(merchantId: MerchantId, externalId: string): Promise<MemberCardRecord | null> {
    return this.model.findOne(this.scoped(merchantId, { externalId })).lean<MemberCardRecord>().exec();
  }

  /** Cards that belong to a known customer (up to `limit`): the balance reminder. */
  heldByCustomers(merchantId: MerchantId, limit: number): Promise<MemberCardRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { customerId: { $ne: null } }))
      .limit(limit)
      .lean<MemberCardRecord[]>()
      .exec();
  }
}
