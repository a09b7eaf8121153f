import type { SHIPMENT_STATUSES } from '@xiaoer/common/schemas/shop-data';
import { Schema, type Connection, type Types } from 'mongoose';

/** A parcel's tracking as the carrier or the ERP last reported it, by its tracking number. */
export interface Shipment {
  merchantId: Types.ObjectId;
  externalId: string;
  carrier?: string;
  orderId?: string;
  status: (typeof SHIPMENT_STATUSES)[number];
  lastEventAt: Date;
  lastEvent?: string;
  deliveredAt?: Date;
  customerId?: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

const shipmentSchema = new Schema<Shipment>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    carrier: String,
    orderId: String,
    status: { type: String, required: true },
    lastEventAt: { type: Date, required: true },
    lastEvent: String,
    deliveredAt: Date,
    customerId: Schema.Types.ObjectId,
  },
  { timestamps: true },
);
shipmentSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
// The stuck-parcel scan: parcels on their way, oldest tracking first.
shipmentSchema.index({ merchantId: 1, status: 1, lastEventAt: 1 });
// Oversell risk: whether an order has a parcel yet.
shipmentSchema.index({ merchantId: 1, orderId: 1 });
// After-delivery care: the parcels signed for on a day.
shipmentSchema.index({ merchantId: 1, deliveredAt: 1 });
export const shipmentModel = (conn: Connection) => conn.model<Shipment>('Shipment', shipmentSchema, 'shipments');
export type ShipmentModel = ReturnType<typeof shipmentModel>;
