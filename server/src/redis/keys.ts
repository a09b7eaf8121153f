import type { MerchantId } from '../tenancy/merchant-id.js';

const PREFIX = 'xe';

/**
 * Every Redis key the product writes is built here. Tenant data lives under `xe:m:<merchantId>:...`, so one
 * merchant's keys can be listed, measured or deleted on their own; platform-wide keys live under `xe:g:...`.
 */
export const tenantKey = (merchantId: MerchantId, ...parts: (string | number)[]): string =>
  [PREFIX, 'm', merchantId, ...parts].join(':');

export const globalKey = (...parts: (string | number)[]): string => [PREFIX, 'g', ...parts].join(':');
