import { Types } from 'mongoose';
import type { CampaignAttachment, CampaignAudience } from '@xiaoer/common/schemas/campaign';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Campaign, CampaignModel } from './campaign.model.js';

export type CampaignRecord = Campaign & { _id: Types.ObjectId };

const oid = (id: string | Types.ObjectId) => (typeof id === 'string' ? new Types.ObjectId(id) : id);
/** How many campaigns the list shows (a small shop sends a few a month). */
const LIST_LIMIT = 100;

/** Campaigns (群发); CampaignService and the schedule and results jobs are their writers. */
export class CampaignRepository extends TenantRepository<Campaign> {
  constructor(model: CampaignModel) {
    super(model);
  }

  /**
   * The campaign under this key, made now if there is none (status `scheduled` with its time, else `sending` claimed
   * by the caller). A retried or doubled request gets the one the first made, whatever became of it.
   */
  async open(
    merchantId: MerchantId,
    input: { key: string; audience: CampaignAudience; text: string; attachment?: CampaignAttachment; sendAt?: Date },
    now: Date,
  ): Promise<CampaignRecord> {
    try {
      const created = await this.model.create({
        merchantId: merchantObjectId(merchantId),
        key: input.key,
        audience: input.audience,
        text: input.text,
        ...(input.attachment ? { attachment: input.attachment } : {}),
        ...(input.sendAt ? { status: 'scheduled', sendAt: input.sendAt } : { status: 'sending', claimedAt: now }),
      });
      return created.toObject() as CampaignRecord;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      const had = await this.model
        .findOne(this.scoped(merchantId, { key: input.key }))
        .lean<CampaignRecord>()
        .exec();
      if (!had) throw err;
      return had;
    }
  }

  findById(merchantId: MerchantId, id: string | Types.ObjectId): Promise<CampaignRecord | null> {
    if (typeof id === 'string' && !Types.ObjectId.isValid(id)) return Promise.resolve(null);
    return this.model
      .findOne(this.scoped(merchantId, { _id: oid(id) }))
      .lean<CampaignRecord>()
      .exec();
  }

  list(merchantId: MerchantId): Promise<CampaignRecord[]> {
    return this.model
      .find(this.scoped(merchantId), { recipients: 0 })
      .sort({ createdAt: -1, _id: -1 })
      .limit(LIST_LIMIT)
      .lean<CampaignRecord[]>()
      .exec();
  }

  /**
   * Takes up one campaign due to go: scheduled and its time come, or taken up by a worker that has been silent since
   * `staleBefore` (it died midway; the send is idempotent by key, so going on is safe). Atomic: of several workers
   * asking at once, one gets it.
   */
  claimDue(merchantId: MerchantId, now: Date, staleBefore: Date): Promise<CampaignRecord | null> {
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, {
          $or: [
            { status: 'scheduled', sendAt: { $lte: now } },
            { status: 'sending', claimedAt: { $lt: staleBefore } },
          ],
        }),
        { $set: { status: 'sending', claimedAt: now } },
        { new: true, sort: { sendAt: 1 } },
      )
      .lean<CampaignRecord>()
      .exec();
  }

  /** Its tasks are made: who they are for, and who was left out. */
  markSent(
    merchantId: MerchantId,
    id: Types.ObjectId,
    sent: Pick<Campaign, 'taskIds' | 'recipients' | 'excluded'>,
    now: Date,
  ): Promise<CampaignRecord | null> {
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: id, status: { $ne: 'cancelled' } }),
        { $set: { ...sent, status: 'sent', sentAt: now }, $unset: { claimedAt: 1 } },
        { new: true },
      )
      .lean<CampaignRecord>()
      .exec();
  }

  /**
   * A send that failed: ended `failed` with why, unless it went meanwhile (only one still being sent ends so); true
   * when this call ended it.
   */
  async markFailed(merchantId: MerchantId, id: Types.ObjectId, reason: string, attempts: number): Promise<boolean> {
    const res = await this.model
      .updateOne(this.scoped(merchantId, { _id: id, status: 'sending' }), {
        $set: { status: 'failed', failedReason: reason, attempts },
        $unset: { claimedAt: 1 },
      })
      .exec();
    return res.modifiedCount > 0;
  }

  /** A scheduled send that failed goes again at `at` (the schedule job takes it up then), counting the attempt. */
  async retryAt(merchantId: MerchantId, id: Types.ObjectId, at: Date, attempts: number): Promise<void> {
    await this.model
      .updateOne(this.scoped(merchantId, { _id: id, status: 'sending' }), {
        $set: { status: 'scheduled', sendAt: at, attempts },
        $unset: { claimedAt: 1 },
      })
      .exec();
  }

  /** The owner sends a failed campaign again (the same key): taken up to send now. */
  async reclaimFailed(merchantId: MerchantId, id: Types.ObjectId, now: Date): Promise<CampaignRecord | null> {
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: id, status: 'failed' }),
        { $set: { status: 'sending', claimedAt: now }, $unset: { failedReason: 1 } },
        { new: true },
      )
      .lean<CampaignRecord>()
      .exec();
  }

  /** The reckoning at scheduling time, so the detail shows who would be left out. */
  async noteExcluded(merchantId: MerchantId, id: Types.ObjectId, excluded: Campaign['excluded']): Promise<void> {
    await this.model.updateOne(this.scoped(merchantId, { _id: id }), { $set: { excluded } }).exec();
  }

  /** Cancels it if it is still waiting for its time; null when it already went (or is going). */
  cancel(merchantId: MerchantId, id: string, now: Date): Promise<CampaignRecord | null> {
    if (!Types.ObjectId.isValid(id)) return Promise.resolve(null);
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: oid(id), status: 'scheduled' }),
        { $set: { status: 'cancelled', cancelledAt: now } },
        { new: true },
      )
      .lean<CampaignRecord>()
      .exec();
  }

  /** Sent campaigns whose results may still change (sent since `since`). */
  sentSince(merchantId: MerchantId, since: Date): Promise<CampaignRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { status: 'sent', sentAt: { $gte: since } }))
      .lean<CampaignRecord[]>()
      .exec();
  }

  async recordResults(merchantId: MerchantId, id: Types.ObjectId, results: Campaign['results']): Promise<void> {
    await this.model.updateOne(this.scoped(merchantId, { _id: id }), { $set: { results } }).exec();
  }
}
