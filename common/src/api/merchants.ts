// The merchant: who they are, their shops and opening hours; and the shop's city for the weather.
import { businessHoursUpdateSchema, merchantDtoSchema } from '../schemas/merchant.js';
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

/** The days ahead at the shop's city (when a weather source is configured). */
export const weather = defineEndpoint({ method: 'GET', path: '/merchant/weather', response: weatherOverviewDtoSchema });

/** The owner names the shop's city or district. */
export const setWeatherLocation = defineEndpoint({
  method: 'PUT',
  path: '/merchant/weather',
  request: weatherLocationUpdateSchema,
  response: weatherOverviewDtoSchema,
});
