import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { TemperatureModel, TemperatureReading } from './temperature.model.js';

export type TemperatureRecord = Stored<TemperatureReading>;
export type NewTemperatureReading = Omit<TemperatureReading, 'merchantId' | 'createdAt' | 'updatedAt'>;

/** A device whose latest reading is out of its range, and since when it has been (the episode's first reading). */
export interface OutOfRangeEpisode {
  device: string;
  type: TemperatureReading['type'];
  since: Date;
  latest: { reading: number; at: Date };
  min: number;
  max: number;
}

/** Fridge and freezer readings from the sensors or the hand-kept log, by reading id. */
export class TemperatureRepository extends IntakeRecordRepository<TemperatureReading> {
  constructor(model: TemperatureModel) {
    super(model);
  }

  store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewTemperatureReading,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    return this.upsertRecord(merchantId, { externalId }, fields, dryRun);
  }

  /**
   * Devices out of range now (by their latest reading), each with the start of the episode: the first reading out of
   * range after the last one in range. The start does not move while the episode lasts, so it names the episode.
   */
  async outOfRange(merchantId: MerchantId): Promise<OutOfRangeEpisode[]> {
    const latest = await this.model
      .aggregate<{ _id: string; last: TemperatureRecord }>([
        { $match: this.scoped(merchantId, {}) },
        { $sort: { device: 1, at: -1 } },
        { $group: { _id: '$device', last: { $first: '$$ROOT' } } },
        { $match: { 'last.outOfRange': true } },
      ])
      .exec();
    return Promise.all(
      latest.map(async ({ _id: device, last }) => {
        const lastOk = await this.model
          .findOne(this.scoped(merchantId, { device, outOfRange: false, at: { $lt: last.at } }))
          .sort({ at: -1 })
          .lean<TemperatureRecord>()
          .exec();
        const first = await this.model
          .findOne(this.scoped(merchantId, { device, outOfRange: true, ...(lastOk && { at: { $gt: lastOk.at } }) }))
          .sort({ at: 1 })
          .lean<TemperatureRecord>()
          .exec();
        return {
          device,
          type: last.type,
          since: first?.at ?? last.at,
          latest: { reading: last.reading, at: last.at },
          min: last.min,
          max: last.max,
        };
      }),
    );
  }
}
