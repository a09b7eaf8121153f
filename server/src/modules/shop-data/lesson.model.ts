import { Schema, type Connection, type Types } from 'mongoose';
import type { LESSON_STATUSES } from '@xiaoer/common/schemas/shop-data';

/** A student's class on the school's timetable (排课), with the teacher's preparation and feedback notes. */
export interface Lesson {
  merchantId: Types.ObjectId;
  externalId: string;
  customerId?: Types.ObjectId;
  course: string;
  startAt: Date;
  /** when the class ends: as sent, else an hour after it starts */
  endAt: Date;
  status: (typeof LESSON_STATUSES)[number];
  studentName?: string;
  teacher?: string;
  preparation?: string;
  feedback?: string;
  packageId?: string;
  createdAt: Date;
  updatedAt: Date;
}

const lessonSchema = new Schema<Lesson>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    customerId: Schema.Types.ObjectId,
    course: { type: String, required: true },
    startAt: { type: Date, required: true },
    endAt: { type: Date, required: true },
    status: { type: String, required: true },
    studentName: String,
    teacher: String,
    preparation: String,
    feedback: String,
    packageId: String,
  },
  { timestamps: true },
);
lessonSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
// The classes starting soon (the reminder) ...
lessonSchema.index({ merchantId: 1, startAt: 1 });
// ... and those just ended (the feedback).
lessonSchema.index({ merchantId: 1, endAt: 1 });
export const lessonModel = (conn: Connection) => conn.model<Lesson>('Lesson', lessonSchema, 'lessons');
export type LessonModel = ReturnType<typeof lessonModel>;
