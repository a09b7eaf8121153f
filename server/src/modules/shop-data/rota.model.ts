import { Schema, type Connection, type Types } from 'mongoose';

/** One shift on the rota (排班), naming the staff member as leaves do. */
export interface RotaShift {
  merchantId: Types.ObjectId;
  externalId: string;
  staffName: string;
  shopId?: Types.ObjectId;
  startAt: Date;
  endAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

const rotaShiftSchema = new Schema<RotaShift>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    staffName: { type: String, required: true },
    shopId: Schema.Types.ObjectId,
    startAt: { type: Date, required: true },
    endAt: { type: Date, required: true },
  },
  { timestamps: true },
);
rotaShiftSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
rotaShiftSchema.index({ merchantId: 1, startAt: 1 });
export const rotaShiftModel = (conn: Connection) => conn.model<RotaShift>('RotaShift', rotaShiftSchema, 'rota_shifts');
export type RotaShiftModel = ReturnType<typeof rotaShiftModel>;
