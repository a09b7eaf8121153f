// The team (managers and owners).
import { z } from 'zod';
import { staffDtoSchema } from '../schemas/staff.js';
import { defineEndpoint } from './contract.js';

export const list = defineEndpoint({
  method: 'GET',
  path: '/staff',
  response: z.object({ items: z.array(staffDtoSchema) }).strict(),
});
