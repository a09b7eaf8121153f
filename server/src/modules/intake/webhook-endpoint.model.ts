import { Schema, type Connection, type Types } from 'mongoose';

/** A merchant's signed webhook for POS / ERP integrations: its public id (in the URL) and its sealed secret. */
export interface WebhookEndpoint {
  merchantId: Types.ObjectId;
  endpointId: string;
  secretSealed: string;
  createdAt: Date;
  updatedAt: Date;
}

const endpointSchema = new Schema<WebhookEndpoint>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    endpointId: { type: String, required: true },
    secretSealed: { type: String, required: true },
  },
  { timestamps: true },
);
// One endpoint per merchant (rotating the secret replaces it) ...
endpointSchema.index({ merchantId: 1 }, { unique: true });
// ... found by the id in the URL on every delivery.
endpointSchema.index({ endpointId: 1 }, { unique: true });

export const webhookEndpointModel = (conn: Connection) =>
  conn.model<WebhookEndpoint>('WebhookEndpoint', endpointSchema, 'intake_endpoints');
export type WebhookEndpointModel = ReturnType<typeof webhookEndpointModel>;

/** A delivery with an Idempotency-Key: a retry with the same key and body gets the first answer back. */
export interface IntakeRequest {
  merchantId: Types.ObjectId;
  key: string;
  bodyHash: string;
  report: unknown;
  at: Date;
}

const requestSchema = new Schema<IntakeRequest>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  key: { type: String, required: true },
  bodyHash: { type: String, required: true },
  report: { type: Schema.Types.Mixed },
  at: { type: Date, required: true },
});
// The key is the sender's, so it is unique per merchant.
requestSchema.index({ merchantId: 1, key: 1 }, { unique: true });
// Integrations retry within hours; a week of keys is plenty.
requestSchema.index({ at: 1 }, { expireAfterSeconds: 7 * 24 * 3600 });

export const intakeRequestModel = (conn: Connection) =>
  conn.model<IntakeRequest>('IntakeRequest', requestSchema, 'intake_requests');
export type IntakeRequestModel = ReturnType<typeof intakeRequestModel>;
