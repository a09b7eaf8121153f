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

/** A name=value pair: a variant's option (颜色=黄色) or a product's attribute (材质=纯棉); an array, not a map, so
 * any Chinese name is a plain value in Mongo and not a field path. */
const pair = new Schema(
  { name: { type: String, required: true }, value: { type: String, required: true } },
  { _id: false },
);
const variant = new Schema(
  {
    options: { type: [pair], default: [] },
    price: { type: Number, required: true, min: 0 },
    stock: { type: Number, min: 0 },
    available: { type: Boolean, default: true },
    sku: { type: String },
  },
  { _id: false },
);

export interface NameValue {
  name: string;
  value: string;
}

/** One sellable combination (黄色 L 码; 大杯): the truth of its price and stock. */
export interface ProductVariant {
  options: NameValue[];
  /** fen */
  price: number;
  /** absent: the shop does not count this variant's stock */
  stock?: number;
  available: boolean;
  /** the POS's code for this variant, when it has one */
  sku?: string;
}

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
  /** fen; with variants it is the lowest variant price, kept so by the repository (product-variants.ts) */
  price: number;
  description?: string;
  /** add-on choice groups on top of the product or its variant (甜度, 加料) */
  specs: SpecGroup[];
  // The three lists below are optional in the type only for products built in code (fixtures, the eval's shops):
  // the repository always stores them and reads products written before they existed as empty.
  /** sellable combinations, each with its own price and stock; empty for a product sold one way */
  variants?: ProductVariant[];
  /** 材质, 产地, 保养, 保质期, 课时, 班级人数, 适合年龄 … (allergens stay in their own list) */
  attributes?: NameValue[];
  /** the owner's other names for it; pinyin, initials and short forms are generated at index time */
  aliases?: string[];
  tags: string[];
  allergens: string[];
  /** without variants: the product's stock; with variants: derived from theirs (product-variants.ts) */
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
    variants: { type: [variant], default: [] },
    attributes: { type: [pair], default: [] },
    aliases: { type: [String], default: [] },
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
