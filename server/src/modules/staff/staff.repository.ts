import type { StaffRole } from '@xiaoer/common/constants/roles';
import { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Staff, StaffModel } from './staff.model.js';

export type StaffRecord = Staff & { _id: Types.ObjectId };
export type NewStaff = Omit<
  Staff,
  'merchantId' | 'createdAt' | 'updatedAt' | 'miniProgramOpenId' | 'favouriteScriptIds'
>;

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
}
