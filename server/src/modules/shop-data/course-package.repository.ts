import type { Types } from 'mongoose';
import { rememberIdIn } from '../../db/applied-once-repository.js';
import { CustomerRecordRepository } from '../../db/customer-record-repository.js';
import type { Stored, StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { Attendance, CoursePackage, CoursePackageModel } from './course.model.js';

export type CoursePackageRecord = Stored<CoursePackage>;
export type NewCoursePackage = Omit<CoursePackage, 'merchantId' | 'appliedAttendance' | 'createdAt' | 'updatedAt'>;

/** Students' course packages: the only writer of `course_packages` (snapshots, and attendance applied once). */
export class CoursePackageRepository extends CustomerRecordRepository<CoursePackage> {
  constructor(model: CoursePackageModel) {
    super(model);
  }

  /** The school system's count replaces ours (its remainingHours is the truth when it sends one). */
  store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewCoursePackage,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    return this.upsertRecord(merchantId, { externalId }, fields, dryRun);
  }

  /**
   * A present record's hours off its package once, never below zero (a package the school topped up since is
   * corrected by its next snapshot); an unknown package is left alone. True when it changed the hours now.
   */
  async applyAttendance(
    merchantId: MerchantId,
    a: Pick<Attendance, 'externalId' | 'packageId' | 'hours'>,
  ): Promise<boolean> {
    const res = await this.model
      .updateOne(
        this.scoped(merchantId, { externalId: a.packageId, appliedAttendance: { $ne: a.externalId } }),
        [
          {
            $set: {
              remainingHours: { $max: [0, { $subtract: ['$remainingHours', a.hours] }] },
              appliedAttendance: rememberIdIn('appliedAttendance', a.externalId),
            },
          },
        ],
        { updatePipeline: true },
      )
      .exec();
    return res.matchedCount > 0;
  }

  /** Packages of known customers with fewer than `below` hours left, fewest first: the class-hours reminder. */
  runningLow(merchantId: MerchantId, below: number, limit: number): Promise<CoursePackageRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { customerId: { $ne: null }, remainingHours: { $lt: below } }))
      .sort({ remainingHours: 1 })
      .limit(limit)
      .lean<CoursePackageRecord[]>()
      .exec();
  }

  /** Packages of known customers (families), most hours left first: closures and the month's progress report. */
  ofFamilies(merchantId: MerchantId, limit: number): Promise<CoursePackageRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { customerId: { $ne: null } }))
      .sort({ remainingHours: -1 })
      .limit(limit)
      .lean<CoursePackageRecord[]>()
      .exec();
  }

  /** The customers' packages, by number and student: whose classes a group's study report covers. */
  ofCustomers(
    merchantId: MerchantId,
    customerIds: Types.ObjectId[],
  ): Promise<Pick<CoursePackageRecord, '_id' | 'externalId' | 'studentName' | 'course'>[]> {
    return this.model
      .find(this.scoped(merchantId, { customerId: { $in: customerIds } }), { externalId: 1, studentName: 1, course: 1 })
      .lean<Pick<CoursePackageRecord, '_id' | 'externalId' | 'studentName' | 'course'>[]>()
      .exec();
  }

  /** Which known customer (or only `customerId`) each package belongs to, by package number (attendance as visits). */
  async customerByPackage(merchantId: MerchantId, customerId?: Types.ObjectId): Promise<Map<string, Types.ObjectId>> {
    const rows = await this.model
      .find(this.scoped(merchantId, { customerId: customerId ?? { $ne: null } }), { externalId: 1, customerId: 1 })
      .lean<CoursePackageRecord[]>()
      .exec();
    return new Map(rows.map((p) => [p.externalId, p.customerId!]));
  }
}
