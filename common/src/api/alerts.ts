// The owner's (and managers') alerts: the list, one alert's detail, marking it handled.
import { z } from 'zod';
import { alertDtoSchema, alertListQuerySchema } from '../schemas/alert.js';
import { idParamsSchema } from '../schemas/common.js';
import { defineEndpoint } from './contract.js';

export const list = defineEndpoint({
  method: 'GET',
  path: '/alerts',
  request: alertListQuerySchema,
  response: z.object({ items: z.array(alertDtoSchema) }).strict(),
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
