import { INTAKE_KIND_NAMES, type IntakeKindName } from '@xiaoer/common/schemas/shop-data';
import type { WebhookEndpointRecord } from './webhook-endpoint.repository.js';

/** What the page calls the one endpoint made before endpoints had names (a POS in the field still uses it). */
export const LEGACY_ENDPOINT_NAME = '原推送地址';

export const endpointName = (e: Pick<WebhookEndpointRecord, 'name'>) => e.name ?? LEGACY_ENDPOINT_NAME;

/**
 * An endpoint for the integrations page: its name, its URLs (the orders URL most integrations need, and one per
 * kind) and when its secret was made; never the secret. `root` is the public /intake URL, never from the Host header.
 */
export function presentEndpoint(e: WebhookEndpointRecord, root: string) {
  const base = `${root}/${e.endpointId}`;
  return {
    id: e._id.toHexString(),
    name: endpointName(e),
    url: `${base}/orders`,
    urls: Object.fromEntries(INTAKE_KIND_NAMES.map((k) => [k, `${base}/${k}`])) as Record<IntakeKindName, string>,
    createdAt: e.createdAt.toISOString(),
    secretSetAt: (e.secretSetAt ?? e.updatedAt).toISOString(),
  };
}
