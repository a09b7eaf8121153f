// 微信客服 conversations: what a customer sent (with their pictures and voice notes) and what the bot answered.
import { z } from 'zod';
import { externalUserIdParamsSchema } from '../schemas/sidebar.js';
import { kfConversationDtoSchema, kfMediaLinkQuerySchema, kfMediaParamsSchema } from '../schemas/conversation.js';
import { defineEndpoint } from './contract.js';

/** The customer's latest 微信客服 messages, oldest first; media links are signed for this merchant only. */
export const kfMessages = defineEndpoint({
  method: 'GET',
  path: '/conversations/:externalUserId/messages',
  params: externalUserIdParamsSchema,
  response: kfConversationDtoSchema,
});

/**
 * A picture, voice note or file a customer sent, behind a signed link (an <img> or <audio> cannot send the session
 * header): the bytes, not JSON. A link of another merchant, altered or expired, is 404.
 */
export const kfMediaFile = defineEndpoint({
  method: 'GET',
  path: '/kf-media/:merchantId/:messageId',
  params: kfMediaParamsSchema,
  request: kfMediaLinkQuerySchema,
  response: z.unknown(),
});
