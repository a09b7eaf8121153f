import { Schema, type Connection, type Types } from 'mongoose';

/**
 * One shop's count of one product (or one of its variants) as its POS or ERP last reported it. The product's stock
 * is the sum over the shops (product-stock-sync.ts); a report older than the one stored is ignored.
 */
export interface ShopStock {
  merchantId: Types.ObjectId;
  productId: Types.ObjectId;
  /** '' for a product sold one way; else the variant's options as `name=value;…` (sorted) */
  variant: string;
  /** '' when the feed names no shop (one count for the whole merchant) */
  shop: string;
  quantity: number;
  reportedAt: Date;
}

const shopStockSchema = new Schema<ShopStock>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    productId: { type: Schema.Types.ObjectId, required: true },
    variant: { type: String, default: '' },
    shop: { type: String, default: '' },
    quantity: { type: Number, required: true, min: 0 },
    reportedAt: { type: Date, required: true },
  },
  { timestamps: true },
);
// One count per product, variant and shop; the sum reads the product's rows.
shopStockSchema.index({ merchantId: 1, productId: 1, variant: 1, shop: 1 }, { unique: true });

export const shopStockModel = (conn: Connection) =>
  conn.model<ShopStock>('ShopStock', shopStockSchema, 'product_shop_stock');
export type ShopStockModel = ReturnType<typeof shopStockModel>;
