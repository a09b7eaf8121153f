// Every morning the owner and managers get one message about what the bot handled overnight: how many questions it
// answered, how many it passed to a person (and who is still waiting), and opt-outs. Sent once per merchant per day,
// and only after 08:00 in the merchant's timezone: a (merchant, day) document is claimed with a lease by whichever
// worker gets there first and marked done only after WeCom took the message; a failed send gives the lease back, and
// a worker that died mid-send loses it when it runs out, so the next tick (before noon) sends it.
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { Logger } from '../../logging/logger.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { ContactsApi } from '../wecom/api/contacts-api.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import type { AiDecisionModel } from './ai-decision.model.js';
import { localTime, merchantZone } from './business-hours.js';
import { insertedOnce } from '../../db/duplicate-key.js';

interface MorningSummary {
  merchantId: Types.ObjectId;
  day: string;
  /** the day's summary is done (sent, or a quiet night with nothing to tell); absent while it is still owed */
  sentAt?: Date;
  /** the worker sending it owns it until then */
  leaseUntil?: Date;
  counts: Record<string, number>;
}
const schema = new Schema<MorningSummary>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  day: { type: String, required: true },
  sentAt: Date,
  leaseUntil: Date,
  counts: { type: Schema.Types.Mixed },
});
// Once per merchant per day, across workers and retries.
schema.index({ merchantId: 1, day: 1 }, { unique: true });
export const morningSummaryModel = (conn: Connection) =>
  conn.model<MorningSummary>('MorningSummary', schema, 'morning_summaries');

const SEND_FROM_MINUTES = 8 * 60;
const SEND_UNTIL_MINUTES = 12 * 60;
const OVERNIGHT_MS = 16 * 3600_000;
/** a send takes seconds; the job ticks every 10 minutes */
const LEASE_MS = 5 * 60_000;

export class MorningSummaryService {
  constructor(
    private summaries: Model<MorningSummary>,
    private decisions: AiDecisionModel,
    private merchants: MerchantRepository,
    private staff: StaffRepository,
    private apps: WecomAppRepository,
    private contacts: ContactsApi,
    private logger: Logger,
  ) {}

  /** Fans out over merchants; one merchant's failure does not stop the others. */
  async runAll(now = new Date()): Promise<number> {
    let sent = 0;
    for (const merchantId of await this.apps.merchantIds()) {
      try {
        if (await this.runFor(merchantId, now)) sent++;
      } catch (err) {
        this.logger.error({ err, merchantId }, 'morning summary failed for merchant');
      }
    }
    return sent;
  }

  async runFor(merchantId: MerchantId, now: Date): Promise<boolean> {
    const merchant = await this.merchants.findById(merchantId);
    if (!merchant) return false;
    const local = localTime(now, merchantZone(merchant));
    if (local.minutes < SEND_FROM_MINUTES || local.minutes >= SEND_UNTIL_MINUTES) return false;
    const mid = merchantObjectId(merchantId);
    const rows = await this.decisions
      .find({ merchantId: mid, at: { $gte: new Date(now.getTime() - OVERNIGHT_MS), $lte: now } })
      .lean()
      .exec();
    const counts = { answered: 0, handedOver: 0, optedOut: 0 };
    for (const d of rows) {
      if (d.action === 'sent') counts.answered++;
      else if (d.action === 'handoff') counts.handedOver++;
      else if (d.action === 'opted_out') counts.optedOut++;
    }
    const lease = await this.claim(mid, local.date, now);
    if (!lease) return false; // done today, or another worker is sending it
    // done whoever holds the lease by now (ours may have run out mid-send); given back only while it is ours
    const today = { merchantId: mid, day: local.date };
    const done = () => this.summaries.updateOne(today, { $set: { sentAt: now, counts }, $unset: { leaseUntil: 1 } });
    const giveBack = () => this.summaries.updateOne(lease, { $set: { leaseUntil: now } }).exec();
    if (!rows.length) {
      await done(); // a quiet night: nothing to report
      return false;
    }
    const app = await this.apps.findByMerchant(merchantId);
    const recipients = (await this.staff.list(merchantId)).filter((s) => s.role !== 'staff').map((s) => s.wecomUserId);
    if (!app || !recipients.length) {
      await giveBack(); // nobody to tell yet: a later tick may have someone
      return false;
    }
    const waiting = rows
      .filter((d) => d.action === 'handoff')
      .slice(0, 3)
      .map((d) => `「${d.question.slice(0, 20)}」`);
    try {
      await this.contacts.sendAppTextCard(app, recipients, {
        title: `${merchant.name} · 夜间客服小结`,
        description: [
          `机器人昨晚回答了 ${counts.answered} 个问题，转给店员 ${counts.handedOver} 个${counts.optedOut ? `，${counts.optedOut} 位客户退订` : ''}。`,
          waiting.length ? `待跟进：${waiting.join('、')}` : '没有需要跟进的客户 👍',
        ].join('\n'),
        url: 'https://work.weixin.qq.com/kf',
      });
    } catch (err) {
      await giveBack(); // the next tick tries again
      throw err;
    }
    await done();
    return true;
  }

  /**
   * The day's summary for this worker to send: a new (merchant, day) document, or one still owed whose lease ran
   * out. Returns the filter that names our lease, or null when it is done or leased to another worker.
   */
  private async claim(merchantId: Types.ObjectId, day: string, now: Date) {
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    const lease = { merchantId, day, leaseUntil };
    if (await insertedOnce(() => this.summaries.create({ ...lease, counts: {} }))) return lease;
    const owed = { merchantId, day, sentAt: { $exists: false }, leaseUntil: { $lt: now } };
    return (await this.summaries.findOneAndUpdate(owed, { $set: { leaseUntil } }).lean().exec()) ? lease : null;
  }
}
