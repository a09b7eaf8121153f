import { GENDERS, SOURCE_CHANNELS, type Gender, type SourceChannel } from '@xiaoer/common/constants/customer';
import { LIFECYCLE_STAGES, type LifecycleStage } from '@xiaoer/common/constants/lifecycle';
import { Schema, type Connection, type Types } from 'mongoose';

const note = new Schema(
  {
    text: { type: String, required: true, maxlength: 500 },
    staffId: { type: Schema.Types.ObjectId, ref: 'Staff', required: true },
    createdAt: { type: Date, required: true },
  },
  { _id: false },
);

export interface CustomerNote {
  text: string;
  staffId: Types.ObjectId;
  createdAt: Date;
}

/** One change of the customer's consent: who (a staff id, or `customer` for their own 退订), when, and why. */
export interface ConsentLogEntry {
  at: Date;
  by: string;
  action: 'opted_out' | 'opt_out_cleared';
  /** where the opt-out came from (kf: 退订 written to 微信客服; staff: set by hand) */
  via?: 'kf' | 'staff';
  reason?: string;
}

// not_contact: known from the shop's own member list (the intake's `members`), not (yet) a WeCom contact
export const CONTACT_STATUSES = ['active', 'deleted_by_customer', 'deleted_by_staff', 'not_contact'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export interface Customer {
  merchantId: Types.ObjectId;
  externalUserId?: string;
  name: string;
  avatar?: string;
  remark?: string;
  phone?: string;
  /** the shop's own member / card number, as its POS knows the customer */
  memberNo?: string;
  /** the member's points as the shop's member system last reported them */
  points?: number;
  gender: Gender;
  birthday?: string;
  birthdayMonthDay?: string;
  tags: string[];
  /** the stage as the last automatic tagging found it (every 6 hours, tags.auto): the list's stage filter */
  lifecycle?: LifecycleStage;
  sourceChannel: SourceChannel;
  followStaffIds: Types.ObjectId[];
  notes: CustomerNote[];
  firstContactAt: Date;
  lastContactAt: Date;
  consentMarketing: boolean;
  optedOut: boolean;
  optedOutAt?: Date | null;
  /**
   * every opt-out and its clearing, oldest first (clearing is the owner's, with a reason); typed as mongoose's array,
   * as a plain array of subdocuments here makes the model's derived filter types disagree with each other
   */
  consentLog?: Types.Array<ConsentLogEntry>;
  /** the WeCom relation: active, or who ended it (the customer deleting staff is churn) */
  contactStatus: ContactStatus;
  contactStatusAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const customerSchema = new Schema<Customer>(
  {
    merchantId: { type: Schema.Types.ObjectId, ref: 'Merchant', required: true },
    /** WeCom external_userid; absent for customers known only from imported orders */
    externalUserId: { type: String, trim: true },
    name: { type: String, required: true, trim: true, maxlength: 64 },
    avatar: { type: String, trim: true },
    remark: { type: String, trim: true, maxlength: 50 },
    phone: { type: String, trim: true },
    memberNo: { type: String, trim: true, maxlength: 32 },
    points: { type: Number, min: 0 },
    gender: { type: String, enum: GENDERS, default: 'unknown' },
    /** YYYY-MM-DD (year may be 1900 when the customer gave only month and day) */
    birthday: { type: String },
    /** MM-DD, derived from birthday, so the daily birthday scan is an index lookup */
    birthdayMonthDay: { type: String },
    tags: { type: [String], default: [] },
    lifecycle: { type: String, enum: LIFECYCLE_STAGES },
    sourceChannel: { type: String, enum: SOURCE_CHANNELS, default: 'other' },
    followStaffIds: { type: [Schema.Types.ObjectId], ref: 'Staff', default: [] },
    notes: { type: [note], default: [] },
    firstContactAt: { type: Date, required: true },
    lastContactAt: { type: Date, required: true },
    consentMarketing: { type: Boolean, default: false },
    optedOut: { type: Boolean, default: false },
    optedOutAt: { type: Date },
    consentLog: {
      type: [new Schema({ at: Date, by: String, action: String, via: String, reason: String }, { _id: false })],
      default: undefined,
    },
    contactStatus: { type: String, enum: CONTACT_STATUSES, default: 'active' },
    contactStatusAt: { type: Date },
  },
  { timestamps: true },
);

// One customer per merchant and WeCom external user: the backstop when an add event and a full sync race.
customerSchema.index(
  { merchantId: 1, externalUserId: 1 },
  { unique: true, partialFilterExpression: { externalUserId: { $type: 'string' } } },
);
// The staff customer list: most recently in touch first, keyset-paginated on (lastContactAt, _id).
customerSchema.index({ merchantId: 1, lastContactAt: -1, _id: -1 });
// ... and the same list of one lifecycle stage.
customerSchema.index({ merchantId: 1, lifecycle: 1, lastContactAt: -1, _id: -1 });
// Matching imported orders and webhook payloads to a customer by phone.
customerSchema.index({ merchantId: 1, phone: 1 });
// ... and by the POS member number.
customerSchema.index({ merchantId: 1, memberNo: 1 }, { partialFilterExpression: { memberNo: { $type: 'string' } } });
// Filtering the list by tag (multikey).
customerSchema.index({ merchantId: 1, tags: 1 });
// "My customers": the follow staff's own list.
customerSchema.index({ merchantId: 1, followStaffIds: 1 });
// The daily birthday scan.
customerSchema.index({ merchantId: 1, birthdayMonthDay: 1 });

customerSchema.pre('save', function deriveBirthdayMonthDay() {
  this.birthdayMonthDay = this.birthday ? this.birthday.slice(5) : undefined;
});

export const customerModel = (conn: Connection) => conn.model<Customer>('Customer', customerSchema);
export type CustomerModel = ReturnType<typeof customerModel>;
