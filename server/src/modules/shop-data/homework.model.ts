import { Schema, type Connection, type Types } from 'mongoose';

/** A piece of homework set for a student, and when (if) it was handed in. */
export interface Homework {
  merchantId: Types.ObjectId;
  externalId: string;
  customerId?: Types.ObjectId;
  title: string;
  dueAt: Date;
  submittedAt?: Date;
  studentName?: string;
  course?: string;
  packageId?: string;
  createdAt: Date;
  updatedAt: Date;
}

const homeworkSchema = new Schema<Homework>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    customerId: Schema.Types.ObjectId,
    title: { type: String, required: true },
    dueAt: { type: Date, required: true },
    submittedAt: Date,
    studentName: String,
    course: String,
    packageId: String,
  },
  { timestamps: true },
);
homeworkSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
// Homework due and not handed in (the evening reminder), and a family's month (the progress report).
homeworkSchema.index({ merchantId: 1, dueAt: 1 });
export const homeworkModel = (conn: Connection) => conn.model<Homework>('Homework', homeworkSchema, 'homework');
export type HomeworkModel = ReturnType<typeof homeworkModel>;
