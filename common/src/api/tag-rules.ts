// The merchant's own auto-tag rules (managers); "apply" re-tags every customer now.
import { z } from 'zod';
import { idParamsSchema } from '../schemas/common.js';
import { tagRuleDtoSchema, tagRuleInputSchema } from '../schemas/tag-rule.js';
import { defineEndpoint } from './contract.js';

export const tagRules = defineEndpoint({
  method: 'GET',
  path: '/tag-rules',
  response: z.object({ items: z.array(tagRuleDtoSchema) }).strict(),
});

export const createTagRule = defineEndpoint({
  method: 'POST',
  path: '/tag-rules',
  request: tagRuleInputSchema,
  response: tagRuleDtoSchema,
  status: 201,
});

export const updateTagRule = defineEndpoint({
  method: 'PUT',
  path: '/tag-rules/:id',
  params: idParamsSchema,
  request: tagRuleInputSchema,
  response: tagRuleDtoSchema,
});

export const deleteTagRule = defineEndpoint({
  method: 'DELETE',
  path: '/tag-rules/:id',
  params: idParamsSchema,
  response: z.void(),
  status: 204,
});

/** Every customer's automatic tags, now: how many customers were looked at and how many changed. */
export const applyTagRules = defineEndpoint({
  method: 'POST',
  path: '/tag-rules/apply',
  response: z.object({ customers: z.number().int(), changed: z.number().int() }).strict(),
});

/** How many customers a rule as written (not yet saved) would tag now, out of all the merchant's customers. */
export const previewTagRule = defineEndpoint({
  method: 'POST',
  path: '/tag-rules/preview',
  request: tagRuleInputSchema,
  response: z.object({ customers: z.number().int(), matches: z.number().int() }).strict(),
});
