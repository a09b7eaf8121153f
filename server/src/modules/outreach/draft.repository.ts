// The one writer of `outreach_drafts`. Drafts move through statuses by audited steps (TenantRepository.auditedStep):
// each step names the status it starts from, so a second tap or a second worker gets null instead of a second step.
import type { DraftStatus } from '@xiaoer/common/constants/outreach';
import { SERVICE_NOTICES } from '@xiaoer/common/constants/scenarios';
import type { DraftListQuery } from '@xiaoer/common/schemas/outreach';
import { Types } from 'mongoose';
import { insertedSkippingDuplicates } from '../../db/duplicate-key.js';
import { TenantRepository, type AuditEntry, type TenantFilter } from '../../db/tenant-repository.js';
import { asMerchantId, merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import { expiredMessage } from './notice-expiry.js';
import type { Draft, DraftModel } from './outreach.model.js';

export type DraftRecord = Draft & { _id: Types.ObjectId };
/** A draft as a scan writes it (with the scan's own clock in createdAt); the merchant comes from the MerchantId. */
export type NewDraft = Omit<Draft, 'merchantId'>;
/** What a status step may set: the step's own fields, never whose draft it is or what it is about. */
export type DraftChange = Partial<
  Pick<
    Draft,
    | 'status'
    | 'text'
    | 'error'
    | 'approvedAt'
    | 'leaseUntil'
    | 'leaseHolder'
    | 'sendAfter'
    | 'groupSendAt'
    | 'groupSendKey'
  >
> & {
  /** the WeCom group-send task made for it (our id, as GroupSendService gives it) */
  groupSendId?: string;
};
export type RecentDraft = Pick<DraftRecord, 'customerId' | 'scenario' | 'status' | 'createdAt'>;

const id = (value: string | Types.ObjectId) => (typeof value === 'string' ? new Types.ObjectId(value) : value);
/** A draft as a sender holds it: approved, and leased to this holder. */
const heldBy = (holder: string): TenantFilter<Draft> => ({ status: 'approved', leaseHolder: holder });
/** Messages that reached (or are on their way to) the customer: what the weekly cap counts at the moment of sending. */
const SENT: DraftStatus[] = ['sent', 'delivered'];

/** Drafts no sender holds yet: waiting for the owner, or approved and held (quiet hours, a batch) until later. */
const waiting = (now: Date): TenantFilter<Draft>[] => [
  { status: 'pending' },
  { status: 'approved', leaseHolder: null, sendAfter: { $gt: now } },
];

/** An approved draft whose sending lease ran out, or that never had one (approved before leases existed). */
const leaseRunOut = (now: Date): TenantFilter<Draft> => ({
  status: 'approved',
  $or: [{ leaseUntil: { $lt: now } }, { leaseUntil: { $exists: false } }],
});

export class DraftRepository extends TenantRepository<Draft> {
  constructor(model: DraftModel) {
    super(model);
  }

  /** The merchant's drafts, newest first (the owner's inbox and its filters). */
  list(
    merchantId: MerchantId,
    filter: { status?: DraftStatus; scenario?: string; day?: string; customerId?: Types.ObjectId } = {},
    limit = 500,
  ): Promise<DraftRecord[]> {
    const defined = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    return this.model
      .find(this.scoped(merchantId, defined))
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<DraftRecord[]>()
      .exec();
  }

  /** The inbox: drafts of one status (`handled`: all but pending), newest first, before a keyset position. */
  inboxBefore(
    merchantId: MerchantId,
    status: DraftListQuery['status'],
    before: Date,
    limit: number,
    beforeId?: string,
  ): Promise<DraftRecord[]> {
    const filter: TenantFilter<Draft> =
      status === 'handled' ? { status: { $ne: 'pending' } } : status ? { status } : {};
    return this.newestBefore(merchantId, filter, 'createdAt', before, limit, beforeId);
  }

  findById(merchantId: MerchantId, draftId: string | Types.ObjectId): Promise<DraftRecord | null> {
    return this.model
      .findOne(this.scoped(merchantId, { _id: id(draftId) }))
      .lean<DraftRecord>()
      .exec();
  }

  /**
   * Stores a scan's drafts. One already there for the customer, scenario and day (a second worker, a rerun after a
   * crash) is skipped, not an error; returns how many are new. Through the driver: the documents carry the scan's own
   * clock in createdAt, which Mongoose's timestamps would overwrite.
   */
  insertMany(merchantId: MerchantId, drafts: NewDraft[]): Promise<number> {
    if (!drafts.length) return Promise.resolve(0);
    const docs = drafts.map((d) => ({ ...d, merchantId: merchantObjectId(merchantId) }));
    return insertedSkippingDuplicates(() => this.model.collection.insertMany(docs, { ordered: false }));
  }

  /** The customers' drafts since a date: what the contact policy weighs (how often, which scenario, sent or not). */
  recentFor(merchantId: MerchantId, customerIds: Types.ObjectId[], since: Date): Promise<RecentDraft[]> {
    return this.model
      .find(this.scoped(merchantId, { customerId: { $in: customerIds }, createdAt: { $gte: since } }), {
        customerId: 1,
        scenario: 1,
        status: 1,
        createdAt: 1,
      })
      .lean<RecentDraft[]>()
      .exec();
  }

  /**
   * Drafts that became group-send tasks WeCom has not reported on yet: of one customer (an opt-out stops them), or
   * those sent since a date (the delivery check).
   */
  awaitingDelivery(
    merchantId: MerchantId,
    which: { customerId?: Types.ObjectId; sentSince?: Date },
    limit = 100,
  ): Promise<DraftRecord[]> {
    const filter: TenantFilter<Draft> = { status: 'sent', groupSendId: { $ne: null } };
    if (which.customerId) filter.customerId = which.customerId;
    if (which.sentSince) filter.updatedAt = { $gte: which.sentSince };
    return this.model.find(this.scoped(merchantId, filter)).limit(limit).lean<DraftRecord[]>().exec();
  }

  /**
   * Notices whose moment has come (expiresAt) though they are already a WeCom group-send task (sent, its staff member
   * may not have confirmed it yet): the ones to withdraw, oldest moment first.
   */
  sentOverdue(merchantId: MerchantId, now: Date, limit = 100): Promise<DraftRecord[]> {
    const filter: TenantFilter<Draft> = { status: 'sent', groupSendId: { $ne: null }, expiresAt: { $lte: now } };
    return this.model
      .find(this.scoped(merchantId, filter))
      .sort({ expiresAt: 1 })
      .limit(limit)
      .lean<DraftRecord[]>()
      .exec();
  }

  /** The drafts still waiting in one group-send task (a task approved together holds several). */
  inTask(merchantId: MerchantId, groupSendId: Types.ObjectId): Promise<DraftRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { status: 'sent', groupSendId }))
      .limit(1000)
      .lean<DraftRecord[]>()
      .exec();
  }

  /** Drafts sent (or delivered) in [start, end), by when that happened: what the reports count as campaigns. */
  sentBetween(
    merchantId: MerchantId,
    start: Date,
    end: Date,
  ): Promise<Pick<DraftRecord, 'customerId' | 'updatedAt'>[]> {
    return this.model
      .find(this.scoped(merchantId, { status: { $in: ['sent', 'delivered'] }, updatedAt: { $gte: start, $lt: end } }), {
        customerId: 1,
        updatedAt: 1,
      })
      .lean<Pick<DraftRecord, 'customerId' | 'updatedAt'>[]>()
      .exec();
  }

  /**
   * The customer opted out: their drafts still waiting — for the owner, or approved and waiting out quiet hours (no
   * sender holds those) — are cancelled, with the reason.
   */
  async cancelPending(merchantId: MerchantId, customerId: Types.ObjectId, reason: string, now: Date): Promise<void> {
    const audit = { at: now, by: 'system', action: 'cancelled', note: reason };
    await this.model
      .updateMany(this.scoped(merchantId, { customerId, $or: waiting(now) }), {
        $set: { status: 'cancelled', error: reason },
        $push: { audit },
      })
      .exec();
  }

  /**
   * Notices whose class or booking has come (expiresAt) and that still wait — for the owner, or approved and held —
   * become expired, each with its own note as the reason; returns how many. One step each, still only while waiting:
   * a sender that took one up a moment ago keeps it (and its own check finds it expired).
   */
  async expireOverdue(merchantId: MerchantId, now: Date): Promise<number> {
    const overdue = (): TenantFilter<Draft> => ({ expiresAt: { $lte: now }, $or: waiting(now) });
    const rows = await this.model
      .find(this.scoped(merchantId, overdue()), { expiryNote: 1 })
      .lean<Pick<DraftRecord, '_id' | 'expiryNote'>[]>()
      .exec();
    let expired = 0;
    for (const row of rows) {
      const reason = expiredMessage(row);
      const audit = { by: 'system', action: 'expired', note: reason };
      const set = { status: 'expired' as const, error: reason };
      if (await this.auditedStep(merchantId, { ...overdue(), _id: row._id }, set, audit)) expired++;
    }
    return expired;
  }

  /**
   * One audited step, only while the draft is still in status `from` (null: someone else moved it first) — and, with
   * a `holder`, only while that sender still holds its lease (null: another took the draft over).
   */
  step(
    merchantId: MerchantId,
    draftId: Types.ObjectId,
    from: DraftStatus,
    change: DraftChange,
    audit: AuditEntry,
    holder?: string,
  ): Promise<DraftRecord | null> {
    const { groupSendId, ...rest } = change;
    const set: Partial<Draft> = { ...rest, ...(groupSendId ? { groupSendId: id(groupSendId) } : {}) };
    const filter = holder ? { ...heldBy(holder), status: from } : { status: from };
    return this.auditedStep<DraftRecord>(merchantId, { ...filter, _id: draftId }, set, audit);
  }

  /**
   * The sender's last word before it sends: true while it still holds the draft's lease and the lease has not run
   * out (then renewed until `leaseUntil`); false when another sender took it over or may do so now.
   */
  async renewLease(
    merchantId: MerchantId,
    draftId: Types.ObjectId,
    holder: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<boolean> {
    const stillHeld = { ...heldBy(holder), _id: draftId, leaseUntil: { $gt: now } };
    const res = await this.model.updateOne(this.scoped(merchantId, stillHeld), { $set: { leaseUntil } }).exec();
    return res.matchedCount === 1;
  }

  /**
   * How many of the customer's other drafts reached them since a moment (by when they were approved, or drafted
   * for drafts approved before that was recorded): the weekly cap at the moment of sending.
   */
  countSentSince(
    merchantId: MerchantId,
    customerId: Types.ObjectId,
    since: Date,
    except: Types.ObjectId,
  ): Promise<number> {
    return this.count(merchantId, {
      customerId,
      _id: { $ne: except },
      status: { $in: SENT },
      // notices about the customer's own class or booking are not marketing: they take none of its weekly allowance
      scenario: { $nin: [...SERVICE_NOTICES] },
      // counted when it goes: a draft held over quiet hours goes at its sendAfter (after its approval), not the
      // evening it was approved — else the morning it reaches the customer would not count toward that day
      $or: [
        { sendAfter: { $gte: since } },
        { sendAfter: { $exists: false }, approvedAt: { $gte: since } },
        { sendAfter: { $exists: false }, approvedAt: { $exists: false }, createdAt: { $gte: since } },
      ],
    });
  }

  /**
   * The next approved draft whose sending was interrupted (its lease ran out), across merchants — like the inbox's
   * claim, the resume job is platform-wide. Only a read: `takeOver` then claims it within its merchant.
   */
  async nextInterrupted(
    now: Date,
  ): Promise<{ merchantId: MerchantId; id: Types.ObjectId; heldBy: string | null } | null> {
    const found = await this.model
      .findOne(leaseRunOut(now), { merchantId: 1, sendAfter: 1, leaseHolder: 1, audit: 1 })
      .lean<Pick<DraftRecord, '_id' | 'merchantId' | 'sendAfter' | 'leaseHolder' | 'audit'>>()
      .exec();
    if (!found) return null;
    // held (for quiet hours, or for a batch): it waited with no holder — one interrupted after that has the sender
    // that took it up. The hold's own audit action says which it was.
    const heldBy = found.sendAfter && !found.leaseHolder ? (found.audit.at(-1)?.action ?? null) : null;
    return { merchantId: asMerchantId(found.merchantId), id: found._id, heldBy };
  }

  /**
   * Takes up a draft approved and held to go with others (DraftService's batching) before its hold runs out: one
   * atomic update, so of two approvals finishing a batch at once only one sends it.
   */
  takeHeld(
    merchantId: MerchantId,
    draftId: Types.ObjectId,
    now: Date,
    lease: { holder: string; until: Date },
    audit: AuditEntry,
  ): Promise<DraftRecord | null> {
    const held = { status: 'approved' as const, leaseHolder: null, sendAfter: { $gt: now } };
    const set = { leaseUntil: lease.until, leaseHolder: lease.holder };
    return this.auditedStep<DraftRecord>(merchantId, { ...held, _id: draftId }, set, audit);
  }

  /**
   * Takes over an interrupted (or waiting) send by leasing it to a new holder, once across workers (null: another
   * took it first). The previous holder, if still alive, can no longer send it.
   */
  takeOver(
    merchantId: MerchantId,
    draftId: Types.ObjectId,
    now: Date,
    lease: { holder: string; until: Date },
    audit: AuditEntry,
  ): Promise<DraftRecord | null> {
    const set = { leaseUntil: lease.until, leaseHolder: lease.holder };
    return this.auditedStep<DraftRecord>(merchantId, { ...leaseRunOut(now), _id: draftId }, set, audit);
  }
}
