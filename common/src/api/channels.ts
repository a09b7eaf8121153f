// 联系我 channel codes (table card, receipt, flyer …): each a WeCom QR code whose adds are counted (managers).
import { z } from 'zod';
import { channelCodeCreateSchema, channelCodeDtoSchema } from '../schemas/channel.js';
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
