import { PENDING_OWNER_WECOM_USERID, type StaffRole } from '@xiaoer/common/constants/roles';
import { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Staff, StaffModel } from './staff.model.js';

export type StaffRecord = Staff & { _id: Types.ObjectId };
export type NewStaff = Omit<
  Staff,
  'merchantId' | 'createdAt' | 'updatedAt' | 'miniProgramOpenId' | 'favouriteScriptIds' | 'nameMissing'
> & { nameMissing?: boolean };

/** What a change of a member's role or shops sets. */
export interface StaffAssignment {
  role?: StaffRole;
  shopIds?: string[];
}

export class StaffRepository extends TenantRepository<Staff> {
  constructor(model: StaffModel) {
    super(model);
  }

  findById(merchantId: MerchantId, id: string): Promise<StaffRecord | null> {
    return this.model
      .findOne(this.scoped(merchantId, { _id: new Types.ObjectId(id), active: true }))
      .lean<StaffRecord>()
      .exec();
  }

  findFirstByRole(merchantId: MerchantId, role: StaffRole): Promise<StaffRecord | null> {
    return this.model
      .findOne(this.scoped(merchantId, { role, active: true }))
      .sort({ _id: 1 })
      .lean<StaffRecord>()
      .exec();
  }

  list(merchantId: MerchantId): Promise<StaffRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { active: true }))
      .sort({ _id: 1 })
      .lean<StaffRecord[]>()
      .exec();
  }

  async insertMany(merchantId: MerchantId, staff: NewStaff[]): Promise<StaffRecord[]> {
    const docs = staff.map((s) => ({ ...s, merchantId: merchantObjectId(merchantId) }));
    return (await this.model.insertMany(docs, { lean: true })) as unknown as StaffRecord[];
  }

  findByWecomUserId(merchantId: MerchantId, wecomUserId: string): Promise<StaffRecord | null> {
    return this.model.findOne(this.scoped(merchantId, { wecomUserId })).lean<StaffRecord>().exec();
  }

  /** Mini-program login resolves the tenant from the openid, so this lookup is not scoped (the openid is unique). */
  findByMiniProgramOpenId(openId: string): Promise<StaffRecord | null> {
    return this.model.findOne({ miniProgramOpenId: openId, active: true }).lean<StaffRecord>().exec();
  }

  async setFavouriteScript(
    merchantId: MerchantId,
    staffId: string,
    scriptId: Types.ObjectId,
    favourite: boolean,
  ): Promise<void> {
    const op = favourite
      ? { $addToSet: { favouriteScriptIds: scriptId } }
      : { $pull: { favouriteScriptIds: scriptId } };
    await this.model.updateOne(this.scoped(merchantId, { _id: new Types.ObjectId(staffId) }), op).exec();
  }

  async bindMiniProgram(merchantId: MerchantId, staffId: Types.ObjectId, openId: string): Promise<void> {
    await this.model
      .updateOne(this.scoped(merchantId, { _id: staffId }), { $set: { miniProgramOpenId: openId } })
      .exec();
  }

  /**
   * A member of the app's visible range, as the sync or a change_contact event found them: created as staff the
   * first time, made active again if they had left. A name WeCom gave replaces the one held; where WeCom withheld
   * it (undefined), the name the member gave stays, and a new member is named by their userid until they give it.
   */
  async upsertFromDirectory(
    merchantId: MerchantId,
    wecomUserId: string,
    name: string | undefined,
  ): Promise<'created' | 'updated' | 'unchanged'> {
    // a member the owner took off is not matched: the upsert's insert then meets the unique (merchant, userid)
    // index, and they stay off
    const res = await this.model
      .updateOne(
        this.scoped(merchantId, { wecomUserId, deactivatedByOwner: { $ne: true } }),
        {
          $set: { active: true, ...(name ? { name, nameMissing: false } : {}) },
          $setOnInsert: {
            role: 'staff',
            shopIds: [],
            favouriteScriptIds: [],
            ...(name ? {} : { name: wecomUserId, nameMissing: true }),
          },
        },
        { upsert: true },
      )
      .exec()
      .catch((err: unknown) => {
        if (isDuplicateKey(err)) return null;
        throw err;
      });
    if (!res) return 'unchanged';
    return res.upsertedCount ? 'created' : res.modifiedCount ? 'updated' : 'unchanged';
  }

  /**
   * Members no longer in the app's visible range stop being staff. The owner's placeholder (not a WeCom member) and
   * owners stay: an owner is never locked out by a change of the range; they are removed on WeCom's delete_user.
   */
  async deactivateOutside(merchantId: MerchantId, visible: string[]): Promise<Types.ObjectId[]> {
    const outside = this.scoped(merchantId, {
      active: true,
      role: { $ne: 'owner' },
      wecomUserId: { $nin: [...visible, PENDING_OWNER_WECOM_USERID] },
    });
    // the ids first, so the caller can end exactly these members' sessions
    const ids = (await this.model.find(outside).select('_id').lean<{ _id: Types.ObjectId }[]>().exec()).map(
      (r) => r._id,
    );
    if (ids.length === 0) return [];
    await this.model
      .updateMany(this.scoped(merchantId, { _id: { $in: ids }, active: true }), { $set: { active: false } })
      .exec();
    return ids;
  }

  /** WeCom removed the member: no longer staff. The record, or null when unknown or already inactive. */
  deactivateByWecomUserId(merchantId: MerchantId, wecomUserId: string): Promise<StaffRecord | null> {
    return this.model
      .findOneAndUpdate(this.scoped(merchantId, { wecomUserId, active: true }), { $set: { active: false } })
      .lean<StaffRecord>()
      .exec();
  }

  /** The owner ended a member's place in the team: no longer staff. The record, or null when unknown or inactive. */
  deactivateById(merchantId: MerchantId, id: string): Promise<StaffRecord | null> {
    return this.model
      .findOneAndUpdate(this.scoped(merchantId, { _id: new Types.ObjectId(id), active: true }), {
        $set: { active: false, deactivatedByOwner: true },
      })
      .lean<StaffRecord>()
      .exec();
  }

  /** The members the owner took off the team, for the owner to bring back. */
  listDeactivatedByOwner(merchantId: MerchantId): Promise<StaffRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { active: false, deactivatedByOwner: true }))
      .sort({ _id: 1 })
      .lean<StaffRecord[]>()
      .exec();
  }

  /** The owner brings back a member they took off; null when the member is not one the owner took off. */
  reactivateById(merchantId: MerchantId, id: string): Promise<StaffRecord | null> {
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: new Types.ObjectId(id), active: false, deactivatedByOwner: true }),
        { $set: { active: true }, $unset: { deactivatedByOwner: 1 } },
        { returnDocument: 'after' },
      )
      .lean<StaffRecord>()
      .exec();
  }

  /** WeCom changed the member's userid (allowed once): the record follows; false when unknown. */
  async renameWecomUserId(merchantId: MerchantId, from: string, to: string): Promise<boolean> {
    const res = await this.model
      .updateOne(this.scoped(merchantId, { wecomUserId: from }), { $set: { wecomUserId: to } })
      .exec();
    return res.modifiedCount > 0;
  }

  /** A member's role and shops; the record after, or null (another merchant's or an inactive member). */
  assign(merchantId: MerchantId, id: string, change: StaffAssignment): Promise<StaffRecord | null> {
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: new Types.ObjectId(id), active: true }),
        {
          $set: {
            ...(change.role ? { role: change.role } : {}),
            ...(change.shopIds ? { shopIds: change.shopIds.map((s) => new Types.ObjectId(s)) } : {}),
          },
        },
        { returnDocument: 'after' },
      )
      .lean<StaffRecord>()
      .exec();
  }

  /** How many active owners the merchant has (the last one is never demoted). */
  countOwners(merchantId: MerchantId): Promise<number> {
    return this.count(merchantId, { role: 'owner', active: true });
  }

  /** The member's own name, where WeCom withheld it; null when it was not missing (or the member is unknown). */
  giveName(merchantId: MerchantId, id: string, name: string): Promise<StaffRecord | null> {
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: new Types.ObjectId(id), active: true, nameMissing: true }),
        { $set: { name, nameMissing: false } },
        { returnDocument: 'after' },
      )
      .lean<StaffRecord>()
      .exec();
  }

  /**
   * The owner's placeholder steps aside for the WeCom member they claimed: deactivated, its userid freed (so a later
   * setup link can make a placeholder again) and its mini-program binding released. Once: null if already claimed.
   */
  retirePlaceholder(merchantId: MerchantId, id: Types.ObjectId): Promise<StaffRecord | null> {
    return this.model
      .findOneAndUpdate(this.scoped(merchantId, { _id: id, wecomUserId: PENDING_OWNER_WECOM_USERID, active: true }), {
        $set: { active: false, wecomUserId: `${PENDING_OWNER_WECOM_USERID}:${id.toHexString()}` },
        $unset: { miniProgramOpenId: 1 },
      })
      .lean<StaffRecord>()
      .exec();
  }

  /** The claimed member becomes the owner, with what the placeholder held (mini-program binding, shops, favourites). */
  async takeOver(merchantId: MerchantId, id: Types.ObjectId, from: StaffRecord): Promise<StaffRecord | null> {
    const member = await this.model.findOne(this.scoped(merchantId, { _id: id, active: true })).lean<StaffRecord>();
    if (!member) return null;
    // a record inserted lean (the setup link's placeholder) may lack the arrays its schema defaults
    const union = (a: Types.ObjectId[] = [], b: Types.ObjectId[] = []) => [
      ...new Map([...a, ...b].map((x) => [x.toHexString(), x])).values(),
    ];
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: id, active: true }),
        {
          $set: {
            role: 'owner',
            shopIds: union(member.shopIds, from.shopIds),
            favouriteScriptIds: union(member.favouriteScriptIds, from.favouriteScriptIds),
            ...(from.miniProgramOpenId ? { miniProgramOpenId: from.miniProgramOpenId } : {}),
          },
        },
        { returnDocument: 'after' },
      )
      .lean<StaffRecord>()
      .exec();
  }
}
