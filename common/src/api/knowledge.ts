// The shop's knowledge as the sidebar uses it: the scripts library (话术库), favourites, and one-tap use.
import { z } from 'zod';
import { idParamsSchema, objectIdSchema } from '../schemas/common.js';
import { scriptFavouriteSchema, scriptItemDtoSchema, scriptUseDtoSchema } from '../schemas/sidebar.js';
import { defineEndpoint } from './contract.js';

/** The library with pinyin initials for search, the member's favourites first. */
export const scriptLibrary = defineEndpoint({
  method: 'GET',
  path: '/knowledge/script-library',
  response: z.object({ items: z.array(scriptItemDtoSchema) }).strict(),
});

export const setScriptFavourite = defineEndpoint({
  method: 'PUT',
  path: '/knowledge/scripts/:id/favourite',
  params: idParamsSchema,
  request: scriptFavouriteSchema,
  response: scriptFavouriteSchema,
});

/** One tap: the script with its variables filled for this customer (when there is one); counts the use. */
export const useScript = defineEndpoint({
  method: 'POST',
  path: '/knowledge/scripts/:id/use',
  params: idParamsSchema,
  request: z.object({ customerId: objectIdSchema.optional() }).strict(),
  response: scriptUseDtoSchema,
});
