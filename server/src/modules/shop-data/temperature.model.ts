import type { DEVICE_TYPES } from '@xiaoer/common/schemas/shop-data';
import { Schema, type Connection, type Types } from 'mongoose';

/** One reading of a fridge or freezer, with the range it was judged against (set when it is stored). */
export interface TemperatureReading {
  merchantId: Types.ObjectId;
  externalId: string;
  device: string;
  type: (typeof DEVICE_TYPES)[number];
  reading: number;
  at: Date;
  min: number;
  max: number;
  /** outside [min, max]: kept on the reading so an episode's start is one indexed query */
  outOfRange: boolean;
  shopId?: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

const temperatureSchema = new Schema<TemperatureReading>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    device: { type: String, required: true },
    type: { type: String, required: true },
    reading: { type: Number, required: true },
    at: { type: Date, required: true },
    min: { type: Number, required: true },
    max: { type: Number, required: true },
    outOfRange: { type: Boolean, required: true },
    shopId: Schema.Types.ObjectId,
  },
  { timestamps: true },
);
temperatureSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
// A device's latest reading, and the edges of its current episode out of range.
temperatureSchema.index({ merchantId: 1, device: 1, outOfRange: 1, at: -1 });
temperatureSchema.index({ merchantId: 1, device: 1, at: -1 });
export const temperatureModel = (conn: Connection) =>
  conn.model<TemperatureReading>('TemperatureReading', temperatureSchema, 'temperature_readings');
export type TemperatureModel = ReturnType<typeof temperatureModel>;
