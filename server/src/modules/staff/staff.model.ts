import { STAFF_ROLES, type StaffRole } from '@xiaoer/common/constants/roles';
import { Schema, type Connection, type Types } from 'mongoose';

export interface Staff {
  merchantId: Types.ObjectId;
  wecomUserId: string;
  name: string;
  /** WeCom withheld the name (代开发 / third-party apps) and the member has not given it yet: `name` is the userid */
  nameMissing?: boolean;
  role: StaffRole;
  shopIds: Types.ObjectId[];
  active: boolean;
  /**
   * the owner took the member off the team (not WeCom): the sync and WeCom's change events leave them off, only the
   * owner brings them back
   */
  deactivatedByOwner?: boolean;
  /** the owner's (or manager's) WeChat openid in our mini-program, bound with a one-time invite code */
  miniProgramOpenId?: string;
  /** scripts (话术) this member starred in the sidebar */
  favouriteScriptIds: Types.ObjectId[];
  createdAt: Date;
  updatedAt: Date;
}

const staffSchema = new Schema<Staff>(
  {
    merchantId: { type: Schema.Types.ObjectId, ref: 'Merchant', required: true },
    /** the member's userid in the merchant's WeCom corp */
    wecomUserId: { type: String, required: true, trim: true, maxlength: 64 },
    name: { type: String, required: true, trim: true, maxlength: 64 },
    nameMissing: { type: Boolean, default: false },
    role: { type: String, enum: STAFF_ROLES, required: true, default: 'staff' },
    shopIds: { type: [Schema.Types.ObjectId], ref: 'Shop', default: [] },
    active: { type: Boolean, default: true },
    deactivatedByOwner: { type: Boolean },
    miniProgramOpenId: { type: String },
    favouriteScriptIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { timestamps: true },
);

// Login and callbacks resolve a WeCom userid within a merchant; unique so a double sync cannot create two staff.
staffSchema.index({ merchantId: 1, wecomUserId: 1 }, { unique: true });
// Mini-program login: an openid resolves to exactly one staff account (and so one merchant).
staffSchema.index(
  { miniProgramOpenId: 1 },
  { unique: true, partialFilterExpression: { miniProgramOpenId: { $type: 'string' } } },
);
// Notifications fan out to a merchant's owners and managers.
staffSchema.index({ merchantId: 1, role: 1 });

export const staffModel = (conn: Connection) => conn.model<Staff>('Staff', staffSchema, 'staff');
export type StaffModel = ReturnType<typeof staffModel>;
