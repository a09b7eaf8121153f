import type { WebhookDeliveryRecord } from './webhook-delivery.repository.js';

/** A logged delivery for the integrations page: when, which kind, and what was received or why it was refused. */
export const presentDelivery = (d: WebhookDeliveryRecord) => ({
  at: d.at.toISOString(),
  kind: d.kind,
  status: d.status,
  ...(d.received !== undefined ? { received: d.received } : {}),
  ...(d.failed !== undefined ? { failed: d.failed } : {}),
  ...(d.error ? { error: d.error } : {}),
});
