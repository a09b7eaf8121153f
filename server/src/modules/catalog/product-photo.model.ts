import { Schema, type Connection, type Types } from 'mongoose';

/**
 * A product's photo, kept in the database as the customers' media are (kf_media): one per product, replaced by a new
 * upload. Kept apart from the product so a menu edit, the change history and its undo never carry the bytes; a
 * deleted product's photo stays, so undoing the delete brings the product back with it.
 */
export interface ProductPhoto {
  merchantId: Types.ObjectId;
  productId: Types.ObjectId;
  /** read from the bytes, never the browser's word */
  contentType: string;
  size: number;
  data: Buffer;
  uploadedAt: Date;
}

const schema = new Schema<ProductPhoto>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  productId: { type: Schema.Types.ObjectId, required: true },
  contentType: { type: String, required: true },
  size: { type: Number, required: true },
  data: { type: Buffer, required: true },
  uploadedAt: { type: Date, required: true },
});
schema.index({ merchantId: 1, productId: 1 }, { unique: true });

export const productPhotoModel = (conn: Connection) =>
  conn.model<ProductPhoto>('ProductPhoto', schema, 'product_photos');
export type ProductPhotoModel = ReturnType<typeof productPhotoModel>;
