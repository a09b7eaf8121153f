import { Schema, type Connection, type Types } from 'mongoose';
import type { APPOINTMENT_STATUSES } from '@xiaoer/common/schemas/shop-data';
import { customerRefPath, type CustomerRef } from '../../db/customer-record-repository.js';

/** A booking of a local-service shop (salon, nails, pet grooming ...), from its booking system. */
export interface Appointment {
  merchantId: Types.ObjectId;
  externalId: string;
  customerId?: Types.ObjectId;
  /** what the booking named its customer by when it matched none of ours (linked by hand) */
  customerRef?: CustomerRef;
  service: string;
  staffName?: string;
  startAt: Date;
  status: (typeof APPOINTMENT_STATUSES)[number];
  amount?: number;
  createdAt: Date;
  updatedAt: Date;
}

const appointmentSchema = new Schema<Appointment>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    customerId: Schema.Types.ObjectId,
    customerRef: customerRefPath,
    service: { type: String, required: true },
    staffName: String,
    startAt: { type: Date, required: true },
    status: { type: String, required: true },
    amount: Number,
  },
  { timestamps: true },
);
appointmentSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
// A customer's visits (cycles, the profile) ...
appointmentSchema.index({ merchantId: 1, customerId: 1, startAt: -1 });
// ... and a day's services (the follow-up 24 hours later).
appointmentSchema.index({ merchantId: 1, startAt: -1 });
export const appointmentModel = (conn: Connection) =>
  conn.model<Appointment>('Appointment', appointmentSchema, 'appointments');
export type AppointmentModel = ReturnType<typeof appointmentModel>;
