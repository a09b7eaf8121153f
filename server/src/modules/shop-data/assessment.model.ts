import { Schema, type Connection, type Types } from 'mongoose';

/** A student's result in one of the school's tests (阶段测评), as the school system reports it (one per id). */
export interface Assessment {
  merchantId: Types.ObjectId;
  externalId: string;
  customerId?: Types.ObjectId;
  subject: string;
  name: string;
  /** YYYY-MM-DD, the day the test was taken */
  date: string;
  score: number;
  fullMarks: number;
  comment?: string;
  teacher?: string;
  studentName?: string;
  packageId?: string;
  shopId?: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

const assessmentSchema = new Schema<Assessment>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    customerId: Schema.Types.ObjectId,
    subject: { type: String, required: true },
    name: { type: String, required: true },
    date: { type: String, required: true },
    score: { type: Number, required: true, min: 0 },
    fullMarks: { type: Number, required: true, min: 0 },
    comment: String,
    teacher: String,
    studentName: String,
    packageId: String,
    shopId: Schema.Types.ObjectId,
  },
  { timestamps: true },
);
assessmentSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
// The month's progress report: these families' tests up to the month's end.
assessmentSchema.index({ merchantId: 1, customerId: 1, date: 1 });
export const assessmentModel = (conn: Connection) =>
  conn.model<Assessment>('Assessment', assessmentSchema, 'assessments');
export type AssessmentModel = ReturnType<typeof assessmentModel>;
