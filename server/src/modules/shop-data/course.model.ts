import { Schema, type Connection, type Types } from 'mongoose';
import { customerRefPath, type CustomerRef } from '../../db/customer-record-repository.js';

/** A student's course package (课时包): what the school system says is left, less the classes attended since. */
export interface CoursePackage {
  merchantId: Types.ObjectId;
  externalId: string;
  customerId?: Types.ObjectId;
  /** what the package named its student by when it matched none of ours (linked by hand) */
  customerRef?: CustomerRef;
  course: string;
  studentName?: string;
  /** 0 学前, 1–6 小学, 7–9 初中, 10–12 高中 */
  grade?: number;
  totalHours: number;
  remainingHours: number;
  expiresOn?: string;
  /** the last attendance records applied to the hours, so that applying one again changes nothing */
  appliedAttendance?: string[];
  createdAt: Date;
  updatedAt: Date;
}
const packageSchema = new Schema<CoursePackage>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    customerId: Schema.Types.ObjectId,
    customerRef: customerRefPath,
    course: { type: String, required: true },
    studentName: String,
    grade: Number,
    totalHours: { type: Number, required: true },
    remainingHours: { type: Number, required: true },
    expiresOn: String,
    appliedAttendance: { type: [String], default: undefined, select: false },
  },
  { timestamps: true },
);
packageSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
// Packages running low (class-hours reminder).
packageSchema.index({ merchantId: 1, remainingHours: 1 });
export const coursePackageModel = (conn: Connection) =>
  conn.model<CoursePackage>('CoursePackage', packageSchema, 'course_packages');
export type CoursePackageModel = ReturnType<typeof coursePackageModel>;

export interface Attendance {
  merchantId: Types.ObjectId;
  externalId: string;
  packageId: string;
  at: Date;
  hours: number;
  status: 'present' | 'absent' | 'leave';
  /** false until a present record's hours are off its package; absent on records stored before the flag */
  applied?: boolean;
}
const attendanceSchema = new Schema<Attendance>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  externalId: { type: String, required: true },
  packageId: { type: String, required: true },
  at: { type: Date, required: true },
  hours: { type: Number, required: true },
  status: { type: String, required: true },
  applied: Boolean,
});
attendanceSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
// Classes whose hours are not yet off their package (a failed second write), for whoever completes them.
attendanceSchema.index({ applied: 1, merchantId: 1, packageId: 1 }, { partialFilterExpression: { applied: false } });
// A package's classes (weekly reports to parents).
attendanceSchema.index({ merchantId: 1, packageId: 1, at: -1 });
export const attendanceModel = (conn: Connection) =>
  conn.model<Attendance>('Attendance', attendanceSchema, 'attendance');
export type AttendanceModel = ReturnType<typeof attendanceModel>;
