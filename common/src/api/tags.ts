// Tags: the picker's corp tags by group (WeCom's and ours).
import { z } from 'zod';
import { corpTagGroupDtoSchema } from '../schemas/sidebar.js';
import { defineEndpoint } from './contract.js';

export const corpTags = defineEndpoint({
  method: 'GET',
  path: '/tags',
  response: z.object({ groups: z.array(corpTagGroupDtoSchema) }).strict(),
});
