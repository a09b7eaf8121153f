import { Types } from 'mongoose';
import { isDuplicateKey } from '../../../db/duplicate-key.js';
import { merchantObjectId, type MerchantId } from '../../../tenancy/merchant-id.js';
import type { SuiteInstruction, SuiteInstructionModel, SuiteInstructionStatus } from './suite-instruction.model.js';

export type SuiteInstructionRecord = SuiteInstruction & { _id: Types.ObjectId };

export type NewSuiteInstruction = Pick<
  SuiteInstruction,
  'dedupeKey' | 'infoType' | 'authCodeSealed' | 'state' | 'authCorpId' | 'sentAt'
>;

/**
 * The 代开发 template's instructions (`wecom_suite_instructions`), the collection's one writer. Platform-level: an
 * instruction belongs to no merchant until it is handled, so there is no tenant scope here.
 */
export class SuiteInstructionRepository {
  constructor(private model: SuiteInstructionModel) {}

  /** Stores it once: its id, or null when WeCom's retry of one already stored. */
  async record(instruction: NewSuiteInstruction): Promise<string | null> {
    try {
      const doc = await this.model.create({ ...instruction, status: 'pending', attempts: 0 });
      return String(doc._id);
    } catch (err) {
      if (isDuplicateKey(err)) return null;
      throw err;
    }
  }

  /** Takes a pending instruction for `leaseMs`, atomically: of two workers only one gets it. */
  claim(id: string, leaseMs: number, now = new Date()): Promise<SuiteInstructionRecord | null> {
    if (!Types.ObjectId.isValid(id)) return Promise.resolve(null);
    return this.model
      .findOneAndUpdate(
        {
          _id: new Types.ObjectId(id),
          status: 'pending',
          $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lte: now } }],
        },
        { $set: { leaseUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
        { returnDocument: 'after' },
      )
      .lean<SuiteInstructionRecord>()
      .exec();
  }

  /** Pending instructions nobody holds (their job was lost or their worker died), oldest first. */
  async dueIds(now = new Date(), limit = 50): Promise<string[]> {
    const docs = await this.model
      .find({ status: 'pending', $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lte: now } }] }, { _id: 1 })
      .sort({ createdAt: 1 })
      .limit(limit)
      .lean()
      .exec();
    return docs.map((d) => String(d._id));
  }

  /** Handled (or given up): the auth code is dropped with it, it is no use any more. */
  async finish(
    id: Types.ObjectId,
    outcome: { status: Exclude<SuiteInstructionStatus, 'pending'>; note?: string; merchantId?: MerchantId },
    now = new Date(),
  ): Promise<void> {
    await this.model
      .updateOne(
        { _id: id },
        {
          $set: {
            status: outcome.status,
            doneAt: now,
            ...(outcome.note && { note: outcome.note }),
            ...(outcome.merchantId && { merchantId: merchantObjectId(outcome.merchantId) }),
          },
          $unset: { leaseUntil: 1, authCodeSealed: 1 },
        },
      )
      .exec();
  }

  /** A failure worth retrying: released for the next attempt after `delayMs`. */
  async retryLater(id: Types.ObjectId, delayMs: number, note: string, now = new Date()): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { leaseUntil: new Date(now.getTime() + delayMs), note } }).exec();
  }

  findById(id: string): Promise<SuiteInstructionRecord | null> {
    if (!Types.ObjectId.isValid(id)) return Promise.resolve(null);
    return this.model.findById(id).lean<SuiteInstructionRecord>().exec();
  }
}
