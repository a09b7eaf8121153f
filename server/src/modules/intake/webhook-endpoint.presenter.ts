import { INTAKE_KIND_NAMES, type IntakeKindName } from '@xiaoer/common/schemas/shop-data';
import { PLATFORM_PUSHES } from './platforms/index.js';
import type { WebhookEndpointRecord } from './webhook-endpoint.repository.js';

/** What the page calls the one endpoint made before endpoints had names (a POS in the field still uses it). */
export const LEGACY_ENDPOINT_NAME = '原推送地址';

export const endpointName = (e: Pick<WebhookEndpointRecord, 'name'>) => e.name ?? LEGACY_ENDPOINT_NAME;

/**
 * An endpoint for the integrations page: its name, its URLs (the orders URL most integrations need, one per kind,
 * and one per platform whose own push it takes) and when its secret was made; never the secret. `root` is the
 * public /intake URL, never from the Host header.
 */
export function presentEndpoint(e: WebhookEndpointRecord, root: string) {
  const base = `${root}/${e.endpointId}`;
  return {
    id: e._id.toHexString(),
    name: endpointName(e),
    url: `${base}/orders`,
    urls: Object.fromEntries(INTAKE_KIND_NAMES.map((k) => [k, `${base}/${k}`])) as Record<IntakeKindName, string>,
    pushUrls: Object.fromEntries(Object.keys(PLATFORM_PUSHES).map((p) => [p, `${base}/push/${p}`])),
    createdAt: e.createdAt.toISOString(),
    secretSetAt: (e.secretSetAt ?? e.updatedAt).toISOString(),
  };
}
