import { AppliedOnceRepository } from '../../db/applied-once-repository.js';
import type { Stored, StoreResult } from '../../db/intake-record-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Attendance, AttendanceModel } from './course.model.js';
import type { CoursePackageRepository } from './course-package.repository.js';

export type AttendanceRecord = Stored<Attendance>;
export type NewAttendance = Omit<Attendance, 'merchantId' | 'applied'>;

/** Classes attended, missed or on leave: stored once, a present record's hours used of its package exactly once. */
export class AttendanceRepository extends AppliedOnceRepository<Attendance> {
  protected readonly target = 'packageId';

  constructor(
    model: AttendanceModel,
    private packages: CoursePackageRepository,
  ) {
    super(model);
  }

  protected changes(a: Omit<Attendance, 'merchantId'>): boolean {
    return a.status === 'present' && a.hours > 0;
  }

  protected applyToTarget(merchantId: MerchantId, a: AttendanceRecord): Promise<boolean> {
    return this.packages.applyAttendance(merchantId, a);
  }

  async store(merchantId: MerchantId, attendance: NewAttendance, dryRun: boolean): Promise<{ result: StoreResult }> {
    return { result: (await this.storeApplyingOnce(merchantId, attendance, dryRun)).result };
  }

  /** The packages' classes in [from, to): a week's study report. */
  forPackagesBetween(merchantId: MerchantId, packageIds: string[], from: Date, to: Date): Promise<AttendanceRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { packageId: { $in: packageIds }, at: { $gte: from, $lt: to } }))
      .lean<AttendanceRecord[]>()
      .exec();
  }

  /**
   * Per package (of all, or of these) since `since`: classes attended, the first and the latest (the visits reader
   * maps packages to customers).
   */
  presentByPackageSince(
    merchantId: MerchantId,
    since: Date,
    packageIds?: string[],
  ): Promise<{ _id: string; visits: number; first: Date; last: Date }[]> {
    const only = packageIds ? { packageId: { $in: packageIds } } : {};
    return this.model
      .aggregate<{ _id: string; visits: number; first: Date; last: Date }>([
        { $match: { merchantId: merchantObjectId(merchantId), status: 'present', at: { $gte: since }, ...only } },
        { $group: { _id: '$packageId', visits: { $sum: 1 }, first: { $min: '$at' }, last: { $max: '$at' } } },
      ])
      .exec();
  }
}
