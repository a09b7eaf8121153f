import { Schema, type Connection, type Types } from 'mongoose';

/** One delivery to a merchant's signed webhook, as the owner's integrations page lists it (capped per merchant). */
export interface WebhookDelivery {
  merchantId: Types.ObjectId;
  /** the endpoint id in the URL it was sent to (a rotated one shows the sender still uses the old URL) */
  endpointId: string;
  kind: string;
  at: Date;
  /** the HTTP status answered */
  status: number;
  received?: number;
  failed?: number;
  /** why it was refused, in Chinese, as the sender was told */
  error?: string;
}

const deliverySchema = new Schema<WebhookDelivery>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  endpointId: { type: String, required: true },
  kind: { type: String, required: true, maxlength: 40 },
  at: { type: Date, required: true },
  status: { type: Number, required: true },
  received: { type: Number },
  failed: { type: Number },
  error: { type: String, maxlength: 500 },
});
// The page reads a merchant's newest; the cap trims its oldest.
deliverySchema.index({ merchantId: 1, at: -1 });

export const webhookDeliveryModel = (conn: Connection) =>
  conn.model<WebhookDelivery>('WebhookDelivery', deliverySchema, 'intake_deliveries');
export type WebhookDeliveryModel = ReturnType<typeof webhookDeliveryModel>;
