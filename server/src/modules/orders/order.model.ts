import { ORDER_CHANNELS, ORDER_STATUSES, type OrderChannel, type OrderStatus } from '@xiaoer/common/constants/orders';
import { Schema, type Connection, type Types } from 'mongoose';

const orderItem = new Schema(
  {
    productId: { type: Schema.Types.ObjectId, ref: 'Product' },
    /** the name at the time of sale: products get renamed, history should not change */
    name: { type: String, required: true },
    quantity: { type: Number, required: true, min: 1 },
    /** fen */
    unitPrice: { type: Number, required: true, min: 0 },
    specs: { type: [String], default: [] },
  },
  { _id: false },
);

export interface OrderItem {
  productId?: Types.ObjectId;
  name: string;
  quantity: number;
  unitPrice: number;
  specs: string[];
}

export interface Order {
  merchantId: Types.ObjectId;
  shopId?: Types.ObjectId;
  customerId?: Types.ObjectId;
  /** what the order named the customer by when it matched none of ours: kept so the shop can link it by hand */
  customerRef?: { externalUserId?: string; phone?: string; memberNo?: string };
  externalId: string;
  channel: OrderChannel;
  status: OrderStatus;
  items: OrderItem[];
  amount: number;
  placedAt: Date;
  /** who served or rang it up, as the POS names them */
  staffName?: string;
  createdAt: Date;
  updatedAt: Date;
}

const orderSchema = new Schema<Order>(
  {
    merchantId: { type: Schema.Types.ObjectId, ref: 'Merchant', required: true },
    shopId: { type: Schema.Types.ObjectId, ref: 'Shop' },
    customerId: { type: Schema.Types.ObjectId, ref: 'Customer' },
    customerRef: {
      type: new Schema({ externalUserId: String, phone: String, memberNo: String }, { _id: false }),
      default: undefined,
    },
    /** the POS / platform order number: with merchantId, the idempotency key of every intake path */
    externalId: { type: String, required: true },
    channel: { type: String, enum: ORDER_CHANNELS, required: true },
    status: { type: String, enum: ORDER_STATUSES, required: true, default: 'completed' },
    items: { type: [orderItem], default: [] },
    /** what the customer paid, fen */
    amount: { type: Number, required: true, min: 0 },
    placedAt: { type: Date, required: true },
    staffName: String,
  },
  { timestamps: true },
);

// Intake idempotency: the same POS order delivered twice (webhook retry, re-imported sheet) is stored once.
orderSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
// Reports: a merchant's orders in a time range.
orderSchema.index({ merchantId: 1, placedAt: -1 });
// Customer profile and intelligence: one customer's orders, newest first.
orderSchema.index({ merchantId: 1, customerId: 1, placedAt: -1 });

export const orderModel = (conn: Connection) => conn.model<Order>('Order', orderSchema);
export type OrderModel = ReturnType<typeof orderModel>;
