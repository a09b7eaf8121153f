import type { AutoReplyMode } from '@xiaoer/common/schemas/ai';
import type { Connection, Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { launchModel, type Launch, type LaunchModel, type LaunchTester } from './golive.model.js';

export type LaunchRecord = Launch & { _id: Types.ObjectId };

/** `merchant_launches`, its one writer: setup or live, and the owner's test conversations before going live. */
export class LaunchRepository extends TenantRepository<Launch> {
  constructor(model: LaunchModel) {
    super(model);
  }

  find(merchantId: MerchantId): Promise<LaunchRecord | null> {
    return this.model.findOne(this.scoped(merchantId)).lean<LaunchRecord>().exec();
  }

  /** The merchant's record, created with `status` when it has none (two first readers end with the same one). */
  async ensure(merchantId: MerchantId, status: Launch['status']): Promise<LaunchRecord> {
    const run = () =>
      this.model
        .findOneAndUpdate(
          this.scoped(merchantId),
          { $setOnInsert: { status, testers: [], testUntil: null } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean<LaunchRecord>()
        .exec();
    try {
      return (await run())!;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      return (await run())!;
    }
  }

  async openTest(merchantId: MerchantId, until: Date): Promise<void> {
    await this.model.updateOne(this.scoped(merchantId, { status: 'setup' }), { $set: { testUntil: until } }).exec();
  }

  /**
   * The first new conversation while the test window is open becomes the owner's test, and closes the window: one
   * atomic update, so two customers writing at once cannot both be taken.
   */
  async claimTester(merchantId: MerchantId, externalUserId: string, now: Date): Promise<boolean> {
    const tester: LaunchTester = { externalUserId, at: now, via: 'window' };
    const res = await this.model
      .updateOne(this.scoped(merchantId, { status: 'setup', testUntil: { $gt: now } }), {
        $push: { testers: tester },
        $set: { testUntil: null },
      })
      .exec();
    return res.modifiedCount === 1;
  }

  async addTester(merchantId: MerchantId, tester: LaunchTester): Promise<void> {
    await this.model
      .updateOne(this.scoped(merchantId, { 'testers.externalUserId': { $ne: tester.externalUserId } }), {
        $push: { testers: tester },
      })
      .exec();
  }

  async removeTester(merchantId: MerchantId, externalUserId: string): Promise<void> {
    await this.model.updateOne(this.scoped(merchantId), { $pull: { testers: { externalUserId } } }).exec();
  }

  /**
   * Claims the right to ask WeCom for the contact links (at most once per `every`, whatever the number of processes
   * and pages polling): true for the one caller that should ask now.
   */
  async claimLinkLookup(merchantId: MerchantId, now: Date, every: number): Promise<boolean> {
    const before = new Date(now.getTime() - every);
    const res = await this.model
      .updateOne(
        this.scoped(merchantId, {
          $or: [{ kfLinksTriedAt: null }, { kfLinksTriedAt: { $exists: false } }, { kfLinksTriedAt: { $lt: before } }],
        }),
        { $set: { kfLinksTriedAt: now } },
      )
      .exec();
    return res.modifiedCount === 1;
  }

  async saveLinks(merchantId: MerchantId, links: { openKfId: string; url: string }[]): Promise<void> {
    await this.model.updateOne(this.scoped(merchantId), { $set: { kfLinks: links } }).exec();
  }

  /** Setup → live, once: false when it already was. */
  async markLive(merchantId: MerchantId, by: string, mode: AutoReplyMode, now: Date): Promise<boolean> {
    const res = await this.model
      .updateOne(this.scoped(merchantId, { status: 'setup' }), {
        $set: { status: 'live', liveAt: now, liveBy: by, liveMode: mode, testUntil: null },
      })
      .exec();
    return res.modifiedCount === 1;
  }
}

export const openLaunchRepository = (connection: Connection) => new LaunchRepository(launchModel(connection));
