// The owner's (and managers') alerts: the list (newest first, a page at a time with `limit`), one alert's detail,
// marking it handled.
import { alertDtoSchema, alertListQuerySchema } from '../schemas/alert.js';
import { idParamsSchema } from '../schemas/common.js';
import { pageOf } from '../schemas/page.js';
import { defineEndpoint } from './contract.js';

export const list = defineEndpoint({
  method: 'GET',
  path: '/alerts',
  request: alertListQuerySchema,
  response: pageOf(alertDtoSchema),
});

export const get = defineEndpoint({
  method: 'GET',
  path: '/alerts/:id',
  params: idParamsSchema,
  response: alertDtoSchema,
});

export const resolve = defineEndpoint({
  method: 'POST',
  path: '/alerts/:id/resolve',
  params: idParamsSchema,
  response: alertDtoSchema,
});
