import { Schema, type Connection, type Types } from 'mongoose';

/** A technician's leave, naming them as bookings do (appointments' staffName). */
export interface StaffLeave {
  merchantId: Types.ObjectId;
  externalId: string;
  staffName: string;
  from: Date;
  to: Date;
  createdAt: Date;
  updatedAt: Date;
}

const staffLeaveSchema = new Schema<StaffLeave>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    staffName: { type: String, required: true },
    from: { type: Date, required: true },
    to: { type: Date, required: true },
  },
  { timestamps: true },
);
staffLeaveSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
staffLeaveSchema.index({ merchantId: 1, to: 1 });
export const staffLeaveModel = (conn: Connection) =>
  conn.model<StaffLeave>('StaffLeave', staffLeaveSchema, 'staff_leaves');
export type StaffLeaveModel = ReturnType<typeof staffLeaveModel>;
