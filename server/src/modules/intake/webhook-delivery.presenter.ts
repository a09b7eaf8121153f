import type { WebhookDeliveryRecord } from './webhook-delivery.repository.js';

/** A logged delivery for the owner: never the endpoint id itself, only whether it is still the current URL. */
export const presentDelivery = (d: WebhookDeliveryRecord, currentEndpointId: string | undefined) => ({
  at: d.at.toISOString(),
  kind: d.kind,
  status: d.status,
  oldUrl: d.endpointId !== currentEndpointId,
  ...(d.received !== undefined ? { received: d.received } : {}),
  ...(d.failed !== undefined ? { failed: d.failed } : {}),
  ...(d.error ? { error: d.error } : {}),
});
