import type { Types } from 'mongoose';
import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { Lesson, LessonModel } from './lesson.model.js';

export type LessonRecord = Stored<Lesson>;
export type NewLesson = Omit<Lesson, 'merchantId' | 'createdAt' | 'updatedAt'>;

/** The school's timetable, by its own class ids; a resend (the teacher's feedback added later) updates the class. */
export class LessonRepository extends IntakeRecordRepository<Lesson> {
  constructor(model: LessonModel) {
    super(model);
  }

  store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewLesson,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    return this.upsertRecord(merchantId, { externalId }, fields, dryRun);
  }

  /** Families' classes still on, starting in [from, to): the reminder before class. */
  startingBetween(merchantId: MerchantId, from: Date, to: Date, limit: number): Promise<LessonRecord[]> {
    return this.model
      .find(
        this.scoped(merchantId, { status: 'scheduled', customerId: { $ne: null }, startAt: { $gte: from, $lt: to } }),
      )
      .sort({ startAt: 1 })
      .limit(limit)
      .lean<LessonRecord[]>()
      .exec();
  }

  /** Families' classes that ended in [from, to) with the teacher's feedback written: the note after class. */
  endedWithFeedback(merchantId: MerchantId, from: Date, to: Date, limit: number): Promise<LessonRecord[]> {
    return this.model
      .find(
        this.scoped(merchantId, {
          status: { $ne: 'cancelled' },
          customerId: { $ne: null },
          feedback: { $nin: [null, ''] },
          endAt: { $gte: from, $lt: to },
        }),
      )
      .sort({ endAt: 1 })
      .limit(limit)
      .lean<LessonRecord[]>()
      .exec();
  }

  /** These families' classes in [from, to) with the teacher's notes, newest first: the month's progress report. */
  withFeedbackBetween(
    merchantId: MerchantId,
    customerIds: Types.ObjectId[],
    from: Date,
    to: Date,
  ): Promise<LessonRecord[]> {
    return this.model
      .find(
        this.scoped(merchantId, {
          customerId: { $in: customerIds },
          feedback: { $nin: [null, ''] },
          startAt: { $gte: from, $lt: to },
        }),
      )
      .sort({ startAt: -1 })
      .lean<LessonRecord[]>()
      .exec();
  }
}
