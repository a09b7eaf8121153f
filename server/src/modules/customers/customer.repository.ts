import type { LifecycleStage } from '@xiaoer/common/constants/lifecycle';
import type { CustomerListQuery, CustomerUpdate } from '@xiaoer/common/schemas/customer';
import { Types, type QueryFilter } from 'mongoose';
import { TenantRepository, type TenantFilter } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { ConsentLogEntry, ContactStatus, Customer, CustomerModel } from './customer.model.js';
import { decodeCursor, encodeCursor } from './customer-cursor.js';
import { isDuplicateKey } from '../../db/duplicate-key.js';

export type CustomerRecord = Customer & { _id: Types.ObjectId };
export type NewCustomer = Omit<
  Customer,
  'merchantId' | 'createdAt' | 'updatedAt' | 'birthdayMonthDay' | 'contactStatus'
> & { contactStatus?: ContactStatus };

export interface WecomProfileUpdate {
  name: string;
  avatar?: string;
  gender: Customer['gender'];
  followStaffId?: Types.ObjectId;
  sourceChannel: Customer['sourceChannel'];
}

/** What staff may change directly; consent goes through optOut / clearOptOut, which keep the consent log. */
export type ProfilePatch = Omit<CustomerUpdate, 'optedOut' | 'optOutReason'>;

/** Told of every opt-out (the drafts inbox cancels the customer's pending drafts). */
export type OptedOutHook = (merchantId: MerchantId, customerId: Types.ObjectId) => Promise<void>;

const CAMPAIGN_FIELDS = {
  name: 1,
  remark: 1,
  externalUserId: 1,
  optedOut: 1,
  contactStatus: 1,
  followStaffIds: 1,
  firstContactAt: 1,
} as const;
/** A customer as a campaign's audience reads them. */
export type CampaignCandidate = Pick<CustomerRecord, '_id' | keyof typeof CAMPAIGN_FIELDS>;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const FULL_PHONE = /^1\d{10}$/;

export class CustomerRepository extends TenantRepository<Customer> {
  constructor(
    model: CustomerModel,
    // late-bound by the container: the drafts inbox is built after the repositories
    private hooks: { optedOut?: OptedOutHook } = {},
  ) {
    super(model);
  }

  findById(merchantId: MerchantId, id: string): Promise<CustomerRecord | null> {
    return this.model
      .findOne(this.scoped(merchantId, { _id: new Types.ObjectId(id) }))
      .lean<CustomerRecord>()
      .exec();
  }

  /**
   * Keyset pagination on (lastContactAt desc, _id desc): stable under inserts, no skip scans. `q` matches name and
   * remark, and a phone number: whole, or by its last 4+ digits only with `phoneSuffix` (managers and owners) — staff
   * see numbers masked as 139****3227, and a suffix search would unmask one in a dozen requests.
   */
  async list(
    merchantId: MerchantId,
    query: CustomerListQuery,
    options: { phoneSuffix?: boolean } = {},
  ): Promise<{ items: CustomerRecord[]; nextCursor?: string }> {
    const filter: TenantFilter<Customer> = {};
    if (query.tag) filter.tags = query.tag;
    if (query.lifecycle) filter.lifecycle = query.lifecycle;
    if (query.followStaffId) filter.followStaffIds = new Types.ObjectId(query.followStaffId);
    const and: QueryFilter<Customer>[] = [];
    if (query.q) {
      const pattern = new RegExp(escapeRegex(query.q), 'i');
      const byText: QueryFilter<Customer>[] = [{ name: pattern }, { remark: pattern }];
      if (options.phoneSuffix && /^\d{4,11}$/.test(query.q)) byText.push({ phone: new RegExp(`${query.q}$`) });
      else if (FULL_PHONE.test(query.q)) byText.push({ phone: query.q });
      and.push({ $or: byText });
    }
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      const afterId = new Types.ObjectId(after.id);
      and.push({ $or: [{ lastContactAt: { $lt: after.at } }, { lastContactAt: after.at, _id: { $lt: afterId } }] });
    }
    if (and.length) filter.$and = and;
    const rows = await this.model
      .find(this.scoped(merchantId, filter))
      .sort({ lastContactAt: -1, _id: -1 })
      .limit(query.limit + 1)
      .lean<CustomerRecord[]>()
      .exec();
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return rows.length > query.limit && last
      ? { items, nextCursor: encodeCursor(last.lastContactAt, last._id) }
      : { items };
  }

  update(merchantId: MerchantId, id: string, patch: ProfilePatch): Promise<CustomerRecord | null> {
    // consent never changes here, whatever a caller passes: only optOut / clearOptOut, which log it
    const { optedOut: _o, optOutReason: _r, ...profile } = patch as CustomerUpdate;
    const set: Record<string, unknown> = { ...profile };
    if (profile.birthday !== undefined) set.birthdayMonthDay = profile.birthday.slice(5);
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: new Types.ObjectId(id) }),
        { $set: set },
        { returnDocument: 'after' },
      )
      .lean<CustomerRecord>()
      .exec();
  }

  /**
   * A phone number from elsewhere (a member's note on the WeCom contact) is taken only while the customer has none: a
   * number the shop typed is never overwritten. One conditional update, so a concurrent edit by staff wins.
   */
  setPhoneIfMissing(merchantId: MerchantId, id: Types.ObjectId, phone: string): Promise<boolean> {
    return this.fillIfMissing(merchantId, id, 'phone', phone);
  }

  /** Sets the phone or member number only while the customer has none (see setPhoneIfMissing). */
  async fillIfMissing(
    merchantId: MerchantId,
    id: Types.ObjectId,
    field: 'phone' | 'memberNo',
    value: string,
  ): Promise<boolean> {
    const missing = { _id: id, $or: [{ [field]: { $exists: false } }, { [field]: null }, { [field]: '' }] };
    const res = await this.model.updateOne(this.scoped(merchantId, missing), { $set: { [field]: value } }).exec();
    return res.modifiedCount === 1;
  }

  /** Newest notes are kept; the profile shows the latest and very old ones age out at 200. */
  addNote(merchantId: MerchantId, id: string, note: { text: string; staffId: string }): Promise<CustomerRecord | null> {
    const entry = { text: note.text, staffId: new Types.ObjectId(note.staffId), createdAt: new Date() };
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: new Types.ObjectId(id) }),
        { $push: { notes: { $each: [entry], $slice: -200 } } },
        { returnDocument: 'after' },
      )
      .lean<CustomerRecord>()
      .exec();
  }

  /** Bulk load for imports and the demo seed: no hydration, one round trip per batch. */
  async insertMany(merchantId: MerchantId, customers: (NewCustomer & { _id?: Types.ObjectId })[]): Promise<number> {
    // insertMany with lean skips the save hook, so the derived birthday key is set here
    // ... and so are schema defaults: an imported customer is an active contact unless said otherwise
    const docs = customers.map((c) => ({
      contactStatus: 'active',
      ...c,
      birthdayMonthDay: c.birthday?.slice(5),
      merchantId: merchantObjectId(merchantId),
    }));
    const inserted = await this.model.insertMany(docs, { lean: true, ordered: false });
    return inserted.length;
  }

  /**
   * Creates or refreshes a customer from their WeCom profile. Atomic upsert on the unique (merchant, external user)
   * index; a concurrent insert of the same customer loses with E11000 and is retried as an update.
   */
  async upsertFromWecom(
    merchantId: MerchantId,
    externalUserId: string,
    profile: WecomProfileUpdate,
    now = new Date(),
  ): Promise<CustomerRecord> {
    const update = {
      $set: {
        name: profile.name,
        avatar: profile.avatar,
        gender: profile.gender,
        contactStatus: 'active',
        contactStatusAt: now,
      },
      $max: { lastContactAt: now },
      $setOnInsert: {
        firstContactAt: now,
        sourceChannel: profile.sourceChannel,
        tags: [],
        notes: [],
        consentMarketing: false,
        optedOut: false,
      },
      ...(profile.followStaffId ? { $addToSet: { followStaffIds: profile.followStaffId } } : {}),
    };
    const run = () =>
      this.model
        .findOneAndUpdate(this.scoped(merchantId, { externalUserId }), update, {
          upsert: true,
          returnDocument: 'after',
        })
        .lean<CustomerRecord>()
        .exec();
    try {
      return (await run())!;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      return (await run())!;
    }
  }

  /**
   * A member from the shop's member list: the customer already matched (by phone or member number) gets the list's
   * phone, member number, birthday and points (and its name when WeCom gave none, i.e. not a WeCom contact); without a
   * match a customer is created who is not a WeCom contact yet. Changes nothing when the list says nothing new.
   */
  async importMember(
    merchantId: MerchantId,
    matchedId: Types.ObjectId | undefined,
    member: { name: string; phone?: string; memberNo?: string; birthday?: string; points?: number },
    dryRun: boolean,
    now = new Date(),
  ): Promise<{ result: 'created' | 'updated' | 'unchanged'; customerId?: Types.ObjectId }> {
    const fields = {
      ...(member.phone ? { phone: member.phone } : {}),
      ...(member.memberNo ? { memberNo: member.memberNo } : {}),
      ...(member.birthday ? { birthday: member.birthday, birthdayMonthDay: member.birthday.slice(5) } : {}),
      ...(member.points !== undefined ? { points: member.points } : {}),
    };
    if (!matchedId) {
      if (dryRun) return { result: 'created' };
      const [created] = await this.model.insertMany(
        [
          {
            ...fields,
            merchantId: merchantObjectId(merchantId),
            name: member.name,
            gender: 'unknown',
            tags: [],
            sourceChannel: 'other',
            followStaffIds: [],
            notes: [],
            firstContactAt: now,
            lastContactAt: now,
            consentMarketing: false,
            optedOut: false,
            contactStatus: 'not_contact',
            contactStatusAt: now,
          },
        ],
        { lean: true },
      );
      return { result: 'created', customerId: created!._id as Types.ObjectId };
    }
    const current = await this.model
      .findOne(this.scoped(merchantId, { _id: matchedId }))
      .lean<CustomerRecord>()
      .exec();
    if (!current) return { result: 'unchanged' };
    const set: Record<string, unknown> = { ...fields, ...(current.externalUserId ? {} : { name: member.name }) };
    const changed = Object.entries(set).some(([k, v]) => (current as unknown as Record<string, unknown>)[k] !== v);
    if (changed && !dryRun)
      await this.model.updateOne(this.scoped(merchantId, { _id: matchedId }), { $set: set }).exec();
    return { result: changed ? 'updated' : 'unchanged', customerId: matchedId };
  }

  findByExternalUserId(merchantId: MerchantId, externalUserId: string): Promise<CustomerRecord | null> {
    return this.model.findOne(this.scoped(merchantId, { externalUserId })).lean<CustomerRecord>().exec();
  }

  /** The customer an order names: WeCom external userid, then phone, then member number. */
  async matchForOrder(
    merchantId: MerchantId,
    ref: { externalUserId?: string; phone?: string; memberNo?: string },
  ): Promise<Types.ObjectId | undefined> {
    for (const filter of [{ externalUserId: ref.externalUserId }, { phone: ref.phone }, { memberNo: ref.memberNo }]) {
      const [[key, value]] = Object.entries(filter) as [[string, string | undefined]];
      if (!value) continue;
      const found = await this.model
        .findOne(this.scoped(merchantId, { [key]: value }), { _id: 1 })
        .lean<{ _id: Types.ObjectId }>()
        .exec();
      if (found) return found._id;
    }
    return undefined;
  }

  async findManyByIds(merchantId: MerchantId, ids: Types.ObjectId[]): Promise<Map<string, CustomerRecord>> {
    if (!ids.length) return new Map();
    const found = await this.model
      .find(this.scoped(merchantId, { _id: { $in: ids } }))
      .lean<CustomerRecord[]>()
      .exec();
    return new Map(found.map((c) => [String(c._id), c]));
  }

  /** Customers whose birthday (MM-DD) is this day (the {merchantId, birthdayMonthDay} index). */
  withBirthday(merchantId: MerchantId, monthDay: string, limit: number): Promise<CustomerRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { birthdayMonthDay: monthDay }))
      .limit(limit)
      .lean<CustomerRecord[]>()
      .exec();
  }

  /** Customers who first reached the shop in a period (reports). */
  countFirstContactBetween(merchantId: MerchantId, start: Date, end: Date): Promise<number> {
    return this.model.countDocuments(this.scoped(merchantId, { firstContactAt: { $gte: start, $lt: end } })).exec();
  }

  /** Every customer of a merchant, with what auto-tagging needs. */
  forTagging(
    merchantId: MerchantId,
  ): Promise<Pick<CustomerRecord, '_id' | 'tags' | 'lifecycle' | 'firstContactAt' | 'externalUserId'>[]> {
    return this.model
      .find(this.scoped(merchantId), { tags: 1, lifecycle: 1, firstContactAt: 1, externalUserId: 1 })
      .lean<CustomerRecord[]>()
      .exec();
  }

  /** The automatic tagging's outcome per customer: the tags and / or the lifecycle stage that changed. */
  async bulkSetTags(
    merchantId: MerchantId,
    updates: { id: Types.ObjectId; tags?: string[]; lifecycle?: LifecycleStage }[],
  ): Promise<void> {
    if (!updates.length) return;
    await this.model.bulkWrite(
      updates.map(({ id, ...set }) => ({
        updateOne: { filter: this.scoped(merchantId, { _id: id }), update: { $set: set } },
      })),
      { ordered: false },
    );
  }

  /** Every tag the merchant's customers carry (the multikey {merchantId, tags} index). */
  distinctTags(merchantId: MerchantId): Promise<string[]> {
    return this.model.distinct('tags', this.scoped(merchantId)).exec() as Promise<string[]>;
  }

  /**
   * The customers a campaign's audience may hold: with any of the tags (all customers without), at most `limit`; the
   * campaign narrows further by visits and groups. Only what the contact policy and the preview read.
   */
  forCampaign(merchantId: MerchantId, tags: string[] | undefined, limit: number): Promise<CampaignCandidate[]> {
    const filter = tags?.length ? { tags: { $in: tags } } : {};
    return this.model
      .find(this.scoped(merchantId, filter), CAMPAIGN_FIELDS)
      .sort({ _id: 1 })
      .limit(limit)
      .lean<CampaignCandidate[]>()
      .exec();
  }

  findManyByExternalUserIds(merchantId: MerchantId, externalUserIds: string[]): Promise<CustomerRecord[]> {
    if (!externalUserIds.length) return Promise.resolve([]);
    return this.model
      .find(this.scoped(merchantId, { externalUserId: { $in: externalUserIds } }))
      .limit(500)
      .lean<CustomerRecord[]>()
      .exec();
  }

  async setContactStatus(
    merchantId: MerchantId,
    externalUserId: string,
    status: ContactStatus,
    now = new Date(),
  ): Promise<CustomerRecord | null> {
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { externalUserId }),
        { $set: { contactStatus: status, contactStatusAt: now } },
        { returnDocument: 'after' },
      )
      .lean<CustomerRecord>()
      .exec();
  }

  /** 退订 / TD: the customer stops receiving campaigns. Unknown customers (not yet contacts) have nothing to update. */
  async optOutByExternalUserId(merchantId: MerchantId, externalUserId: string, now = new Date()): Promise<void> {
    await this.optOut(merchantId, { externalUserId }, { by: 'customer', via: 'kf' }, now);
  }

  /**
   * Opts the customer out (their own 退订, or staff marking it): logged once, when it changes anything. The hook runs
   * on every call, so a retried 退订 still cancels the drafts a failed first attempt left pending.
   */
  async optOut(
    merchantId: MerchantId,
    match: { id: string } | { externalUserId: string },
    entry: Pick<ConsentLogEntry, 'by' | 'via' | 'reason'>,
    now = new Date(),
  ): Promise<CustomerRecord | null> {
    const filter = 'id' in match ? { _id: new Types.ObjectId(match.id) } : { externalUserId: match.externalUserId };
    const logged: ConsentLogEntry = { at: now, action: 'opted_out', ...entry };
    const update = { $set: { optedOut: true, optedOutAt: now }, $push: { consentLog: logged } };
    const notYet = this.scoped(merchantId, { ...filter, optedOut: { $ne: true } });
    const changed = await this.model
      .findOneAndUpdate(notYet, update, { returnDocument: 'after' })
      .lean<CustomerRecord>()
      .exec();
    const customer =
      changed ?? (await this.model.findOne(this.scoped(merchantId, filter)).lean<CustomerRecord>().exec());
    if (customer?.optedOut) await this.hooks.optedOut?.(merchantId, customer._id);
    return customer;
  }

  /** Clears an opt-out (the owner's decision, with a reason, logged); null when the customer is not opted out. */
  clearOptOut(merchantId: MerchantId, id: string, entry: { by: string; reason: string }, now = new Date()) {
    const logged: ConsentLogEntry = { at: now, action: 'opt_out_cleared', ...entry };
    const update = { $set: { optedOut: false, optedOutAt: null }, $push: { consentLog: logged } };
    const optedOut = this.scoped(merchantId, { _id: new Types.ObjectId(id), optedOut: true });
    return this.model.findOneAndUpdate(optedOut, update, { returnDocument: 'after' }).lean<CustomerRecord>().exec();
  }
}
