import { Schema, type Connection, type Types } from 'mongoose';

/** Stock on hand of one item (a product on the menu or an ingredient), as the shop's system last reported it. */
export interface StockItem {
  merchantId: Types.ObjectId;
  name: string;
  quantity: number;
  unit: string;
  /** level 1 and level 2 thresholds; absent: the alert follows the item's recent sales */
  low?: number;
  critical?: number;
  batches: { batchNo?: string; quantity: number; expiresOn: string }[];
  /** the last movements applied to the level, so that applying one again changes nothing (db/applied-once-repository) */
  appliedMovements?: string[];
  createdAt: Date;
  updatedAt: Date;
}

const stockItemSchema = new Schema<StockItem>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    quantity: { type: Number, required: true },
    unit: { type: String, default: '件' },
    low: Number,
    critical: Number,
    batches: {
      type: [new Schema({ batchNo: String, quantity: Number, expiresOn: String }, { _id: false })],
      default: [],
    },
    appliedMovements: { type: [String], default: undefined, select: false },
  },
  { timestamps: true },
);
// One level per item and merchant (the item name is the key every system agrees on).
stockItemSchema.index({ merchantId: 1, name: 1 }, { unique: true });
export const stockItemModel = (conn: Connection) => conn.model<StockItem>('StockItem', stockItemSchema, 'stock_items');
export type StockItemModel = ReturnType<typeof stockItemModel>;

/** One movement in or out; stored once by its document number, then applied to the level exactly once. */
export interface StockMovement {
  merchantId: Types.ObjectId;
  externalId: string;
  item: string;
  change: number;
  reason: 'purchase' | 'sale' | 'waste' | 'adjust';
  at: Date;
  expiresOn?: string;
  /** false until its change is on the level; absent on movements stored before the flag (applied then) */
  applied?: boolean;
}
const movementSchema = new Schema<StockMovement>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  externalId: { type: String, required: true },
  item: { type: String, required: true },
  change: { type: Number, required: true },
  reason: { type: String, required: true },
  at: { type: Date, required: true },
  expiresOn: String,
  applied: Boolean,
});
movementSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
// Movements not yet on their level (a failed second write), per item, for whoever completes them.
movementSchema.index({ applied: 1, merchantId: 1, item: 1 }, { partialFilterExpression: { applied: false } });
// Sales per item over a window (low-stock cover days, slow movers).
movementSchema.index({ merchantId: 1, at: -1 });
export const stockMovementModel = (conn: Connection) =>
  conn.model<StockMovement>('StockMovement', movementSchema, 'stock_movements');
export type StockMovementModel = ReturnType<typeof stockMovementModel>;
