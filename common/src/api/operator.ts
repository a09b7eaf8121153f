// The operator's console (the provider who runs Xiaoer, apart from any merchant) and the owner's setup link.
// Every /operator endpoint but login needs an operator session (`Authorization: Bearer <operator token>`); a
// merchant's session is refused there, and an operator's session on every merchant endpoint.
import { z } from 'zod';
import { idParamsSchema } from '../schemas/common.js';
import {
  operatorDtoSchema,
  operatorLoginSchema,
  operatorMerchantCreateSchema,
  operatorMerchantCreatedDtoSchema,
  operatorMerchantDetailDtoSchema,
  operatorMerchantDtoSchema,
  operatorSessionDtoSchema,
  setupLinkDtoSchema,
  setupLinkIssueSchema,
  setupRedeemResultSchema,
  setupRedeemSchema,
} from '../schemas/operator.js';
import { defineEndpoint } from './contract.js';

/** Public, limited per address and per login. */
export const login = defineEndpoint({
  method: 'POST',
  path: '/operator/login',
  request: operatorLoginSchema,
  response: operatorSessionDtoSchema,
});

export const me = defineEndpoint({ method: 'GET', path: '/operator/me', response: operatorDtoSchema });

/** A new merchant and its owner's one-time setup link (the URL is shown this once). */
export const createMerchant = defineEndpoint({
  method: 'POST',
  path: '/operator/merchants',
  request: operatorMerchantCreateSchema,
  response: operatorMerchantCreatedDtoSchema,
  status: 201,
});

/** Every merchant with its setup progress and today's health, newest first. */
export const listMerchants = defineEndpoint({
  method: 'GET',
  path: '/operator/merchants',
  response: z.object({ items: z.array(operatorMerchantDtoSchema) }).strict(),
});

/** One merchant, with its audit list (who did what). */
export const getMerchant = defineEndpoint({
  method: 'GET',
  path: '/operator/merchants/:id',
  params: idParamsSchema,
  response: operatorMerchantDetailDtoSchema,
});

/** A new setup link for the merchant's owner; the one before it stops working. */
export const issueSetupLink = defineEndpoint({
  method: 'POST',
  path: '/operator/merchants/:id/setup-link',
  params: idParamsSchema,
  request: setupLinkIssueSchema,
  response: setupLinkDtoSchema,
  status: 201,
});

/** Revokes the merchant's open setup link (nothing to revoke is fine too). */
export const revokeSetupLink = defineEndpoint({
  method: 'DELETE',
  path: '/operator/merchants/:id/setup-link',
  params: idParamsSchema,
  response: z.void(),
  status: 204,
});

/** Public: the owner opens the link; the owner's record is created if none exists, and signed in. */
export const redeem = defineEndpoint({
  method: 'POST',
  path: '/setup/redeem',
  request: setupRedeemSchema,
  response: setupRedeemResultSchema,
});
