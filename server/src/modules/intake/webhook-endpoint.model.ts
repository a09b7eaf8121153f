import { Schema, type Connection, type Types } from 'mongoose';

/**
 * One of a merchant's signed webhooks for POS / ERP integrations — several per merchant, one per sending system
 * (收银系统, ERP, 美团核销 …): its public id (in the URL), its name and its sealed secret. Rotating the secret keeps
 * the URL; revoking keeps the document (without name or secret) so a system still sending to it is told so clearly.
 */
export interface WebhookEndpoint {
  merchantId: Types.ObjectId;
  endpointId: string;
  /** unique among the merchant's live endpoints; absent on the one endpoint made before endpoints had names */
  name?: string;
  /** absent once revoked */
  secretSealed?: string;
  /** when the current secret was made (absent on the unnamed legacy endpoint: its updatedAt says it) */
  secretSetAt?: Date;
  revokedAt?: Date;
  /** the name it had, kept for the record when revoking frees the name for a new endpoint */
  revokedName?: string;
  createdAt: Date;
  updatedAt: Date;
}

const endpointSchema = new Schema<WebhookEndpoint>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    endpointId: { type: String, required: true },
    name: { type: String, maxlength: 20 },
    secretSealed: { type: String },
    secretSetAt: { type: Date },
    revokedAt: { type: Date },
    revokedName: { type: String },
  },
  { timestamps: true },
);
// Found by the id in the URL on every delivery ...
endpointSchema.index({ endpointId: 1 }, { unique: true });
// ... and listed per merchant, a name once among its live endpoints (revoking unsets the name; the unnamed legacy
// endpoint is not in this index). The old one-per-merchant index {merchantId: 1} is dropped at startup
// (db/legacy-indexes.ts).
endpointSchema.index(
  { merchantId: 1, name: 1 },
  { unique: true, partialFilterExpression: { name: { $type: 'string' } }, name: 'merchant_endpoint_name' },
);

export const webhookEndpointModel = (conn: Connection) =>
  conn.model<WebhookEndpoint>('WebhookEndpoint', endpointSchema, 'intake_endpoints');
export type WebhookEndpointModel = ReturnType<typeof webhookEndpointModel>;

/** A delivery with an Idempotency-Key: a retry with the same key and body gets the first answer back. */
export interface IntakeRequest {
  merchantId: Types.ObjectId;
  /** the endpoint it came through: two systems of one shop may well pick the same key */
  endpointId: string;
  key: string;
  bodyHash: string;
  report: unknown;
  at: Date;
}

const requestSchema = new Schema<IntakeRequest>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  endpointId: { type: String, required: true },
  key: { type: String, required: true },
  bodyHash: { type: String, required: true },
  report: { type: Schema.Types.Mixed },
  at: { type: Date, required: true },
});
// The key is the sender's, so it is unique per endpoint (the old per-merchant index is dropped at startup).
requestSchema.index({ merchantId: 1, endpointId: 1, key: 1 }, { unique: true });
// Integrations retry within hours; a week of keys is plenty.
requestSchema.index({ at: 1 }, { expireAfterSeconds: 7 * 24 * 3600 });

export const intakeRequestModel = (conn: Connection) =>
  conn.model<IntakeRequest>('IntakeRequest', requestSchema, 'intake_requests');
export type IntakeRequestModel = ReturnType<typeof intakeRequestModel>;
