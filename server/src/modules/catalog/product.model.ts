import { Schema, type Connection, type Types } from 'mongoose';

/** A choice group such as 杯型 (中杯 / 大杯 +3元) or 甜度 (全糖 / 五分糖 ...). */
const specOption = new Schema(
  { label: { type: String, required: true }, priceDelta: { type: Number, default: 0 } },
  { _id: false },
);
const specGroup = new Schema(
  { name: { type: String, required: true }, options: { type: [specOption], default: [] } },
  { _id: false },
);

export interface SpecOption {
  label: string;
  /** fen added to the price */
  priceDelta: number;
}

export interface SpecGroup {
  name: string;
  options: SpecOption[];
}

export interface Product {
  merchantId: Types.ObjectId;
  name: string;
  category: string;
  price: number;
  description?: string;
  specs: SpecGroup[];
  tags: string[];
  allergens: string[];
  stock?: number;
  available: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const productSchema = new Schema<Product>(
  {
    merchantId: { type: Schema.Types.ObjectId, ref: 'Merchant', required: true },
    name: { type: String, required: true, trim: true, maxlength: 60 },
    category: { type: String, required: true, trim: true, maxlength: 30 },
    /** price in fen (分): integers, so sums and guardrail comparisons are exact */
    price: { type: Number, required: true, min: 0 },
    description: { type: String, maxlength: 500 },
    specs: { type: [specGroup], default: [] },
    tags: { type: [String], default: [] },
    allergens: { type: [String], default: [] },
    stock: { type: Number, min: 0 },
    available: { type: Boolean, default: true },
  },
  { timestamps: true },
);

// The menu: one merchant's products by category; also unique names so imports update instead of duplicating.
productSchema.index({ merchantId: 1, category: 1, name: 1 });
productSchema.index({ merchantId: 1, name: 1 }, { unique: true });

export const productModel = (conn: Connection) => conn.model<Product>('Product', productSchema);
export type ProductModel = ReturnType<typeof productModel>;
