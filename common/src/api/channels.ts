// 联系我 channel codes (table card, receipt, flyer …): each a WeCom QR code whose adds are counted. Managers and
// owners create them; staff may read them (to show a customer the code).
import { z } from 'zod';
import {
  channelAddsDtoSchema,
  channelAddsQuerySchema,
  channelCodeCreateSchema,
  channelCodeDtoSchema,
} from '../schemas/channel.js';
import { defineEndpoint } from './contract.js';

export const channelCodes = defineEndpoint({
  method: 'GET',
  path: '/channel-codes',
  response: z.object({ items: z.array(channelCodeDtoSchema) }).strict(),
});

export const createChannelCode = defineEndpoint({
  method: 'POST',
  path: '/channel-codes',
  request: channelCodeCreateSchema,
  response: channelCodeDtoSchema,
  status: 201,
});

/** Customers added per week through each channel and each of the shop's codes (the last `weeks` weeks). */
export const channelAdds = defineEndpoint({
  method: 'GET',
  path: '/channel-codes/adds',
  request: channelAddsQuerySchema,
  response: channelAddsDtoSchema,
});
