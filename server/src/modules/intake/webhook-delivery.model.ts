import { Schema, type Connection, type Types } from 'mongoose';

/** One delivery to one of a merchant's signed webhooks, as the integrations page lists it (capped per endpoint). */
export interface WebhookDelivery {
  merchantId: Types.ObjectId;
  /** the endpoint id in the URL it was sent to: each endpoint has its own log */
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
// The page reads an endpoint's newest; the cap trims its oldest.
deliverySchema.index({ merchantId: 1, endpointId: 1, at: -1 });

export const webhookDeliveryModel = (conn: Connection) =>
  conn.model<WebhookDelivery>('WebhookDelivery', deliverySchema, 'intake_deliveries');
export type WebhookDeliveryModel = ReturnType<typeof webhookDeliveryModel>;
