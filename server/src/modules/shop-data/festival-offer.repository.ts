import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { FestivalOffer, FestivalOfferModel } from './festival-offer.model.js';

export type FestivalOfferRecord = Stored<FestivalOffer>;
export type NewFestivalOffer = Omit<FestivalOffer, 'merchantId' | 'createdAt' | 'updatedAt'>;

/** The shop's festival packages, by its own ids. */
export class FestivalOfferRepository extends IntakeRecordRepository<FestivalOffer> {
  constructor(model: FestivalOfferModel) {
    super(model);
  }

  store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewFestivalOffer,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    return this.upsertRecord(merchantId, { externalId }, fields, dryRun);
  }

  /** The packages entered for this festival, in the order entered. */
  forFestival(merchantId: MerchantId, festival: string): Promise<FestivalOfferRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { festival }))
      .sort({ createdAt: 1 })
      .lean<FestivalOfferRecord[]>()
      .exec();
  }
}
