import type { Types } from 'mongoose';
import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { MemberCard, MemberCardModel } from './member-card.model.js';

export type MemberCardRecord = Stored<MemberCard>;
export type NewMemberCard = Omit<MemberCard, 'merchantId' | 'lastUsedAt' | 'uses' | 'createdAt' | 'updatedAt'>;

/** Uses between two reports of a card: visits taken off a visit card, else one when the balance went down. */
export function usesBetween(before: Pick<MemberCard, 'balance' | 'visitsLeft'>, after: NewMemberCard): number {
  if (before.visitsLeft !== undefined && after.visitsLeft !== undefined && after.visitsLeft < before.visitsLeft)
    return before.visitsLeft - after.visitsLeft;
  return after.balance < before.balance ? 1 : 0;
}

/** Stored-value and visit cards, by card number, as the member system last reported them. */
export class MemberCardRepository extends IntakeRecordRepository<MemberCard> {
  constructor(model: MemberCardModel) {
    super(model);
  }

  /**
   * The member system reports a card's state, not its uses: a report with fewer visits or less balance than the one
   * stored is a use (a visit) at `now`. The use is written only against the state it was compared with, so the same
   * report delivered twice (or two at once) counts it once; a top-up is no use.
   */
  async store(
    merchantId: MerchantId,
    card: NewMemberCard,
    dryRun: boolean,
    now = new Date(),
    retries = 3,
  ): Promise<{ result: StoreResult }> {
    const { externalId, ...fields } = card;
    const before = dryRun ? null : await this.findOne(merchantId, { externalId });
    const used = before ? usesBetween(before, card) : 0;
    if (!before || !used || !retries) return this.upsertRecord(merchantId, { externalId }, fields, dryRun);
    const res = await this.model
      .updateOne(
        this.scoped(merchantId, {
          externalId,
          balance: before.balance,
          visitsLeft: before.visitsLeft === undefined ? { $exists: false } : before.visitsLeft,
        }),
        { $set: { ...fields, lastUsedAt: now }, $inc: { uses: used } },
      )
      .exec();
    // another report changed the card meanwhile: compare with what it stored instead (a few times, then store as is)
    return res.matchedCount ? { result: 'updated' } : this.store(merchantId, card, dryRun, now, retries - 1);
  }

  /** Known customers' (or only `customerId`'s) cards used at or after `since`: uses and the last use (visits reader). */
  usedSince(
    merchantId: MerchantId,
    since: Date,
    customerId?: Types.ObjectId,
  ): Promise<Pick<MemberCardRecord, 'customerId' | 'uses' | 'lastUsedAt'>[]> {
    return this.model
      .find(this.scoped(merchantId, { lastUsedAt: { $gte: since }, customerId: customerId ?? { $ne: null } }), {
        customerId: 1,
        uses: 1,
        lastUsedAt: 1,
      })
      .lean<MemberCardRecord[]>()
      .exec();
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
