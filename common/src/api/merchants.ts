// The merchant: who they are, their shops and opening hours; and the shop's city for the weather.
import { z } from 'zod';
import { idParamsSchema } from '../schemas/common.js';
import {
  businessHoursUpdateSchema,
  merchantDtoSchema,
  merchantProfileUpdateSchema,
  serviceHoursUpdateSchema,
  shopDtoSchema,
  shopFactsUpdateSchema,
  shopInputSchema,
} from '../schemas/merchant.js';
import { weatherLocationUpdateSchema, weatherOverviewDtoSchema } from '../schemas/weather.js';
import { defineEndpoint } from './contract.js';

export const merchant = defineEndpoint({ method: 'GET', path: '/merchant', response: merchantDtoSchema });

/** Opening hours and holidays drive the after-hours auto-reply: the owner's. */
export const setBusinessHours = defineEndpoint({
  method: 'PUT',
  path: '/merchant/business-hours',
  request: businessHoursUpdateSchema,
  response: merchantDtoSchema,
});

/** The business's name and industry (the owner's: the industry picks the templates the shop starts from). */
export const updateProfile = defineEndpoint({
  method: 'PUT',
  path: '/merchant/profile',
  request: merchantProfileUpdateSchema,
  response: merchantDtoSchema,
});

/**
 * The facts customers ask about besides products and policies (payment, delivery platforms, booking, couriers,
 * ship-from …: SHOP_FACT_TOPICS), all at once (the owner's).
 */
export const setFacts = defineEndpoint({
  method: 'PUT',
  path: '/merchant/facts',
  request: shopFactsUpdateSchema,
  response: merchantDtoSchema,
});

/** Online customer service (客服) hours apart from the shop's; null: the same as the shop's (the owner's). */
export const setServiceHours = defineEndpoint({
  method: 'PUT',
  path: '/merchant/service-hours',
  request: serviceHoursUpdateSchema,
  response: merchantDtoSchema,
});

/** A shop (one to five per merchant; the owner's): the bot answers its address, phone and parking. */
export const addShop = defineEndpoint({
  method: 'POST',
  path: '/merchant/shops',
  request: shopInputSchema,
  response: shopDtoSchema,
  status: 201,
});

export const updateShop = defineEndpoint({
  method: 'PUT',
  path: '/merchant/shops/:id',
  params: idParamsSchema,
  request: shopInputSchema,
  response: shopDtoSchema,
});

/** Refused while staff still belong to the shop. */
export const removeShop = defineEndpoint({
  method: 'DELETE',
  path: '/merchant/shops/:id',
  params: idParamsSchema,
  response: z.void(),
  status: 204,
});

/** The days ahead at the shop's city (when a weather source is configured). */
export const weather = defineEndpoint({ method: 'GET', path: '/merchant/weather', response: weatherOverviewDtoSchema });

/** The owner names the shop's city or district. */
export const setWeatherLocation = defineEndpoint({
  method: 'PUT',
  path: '/merchant/weather',
  request: weatherLocationUpdateSchema,
  response: weatherOverviewDtoSchema,
});
