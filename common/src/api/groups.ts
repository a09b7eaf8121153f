// Customer groups (客户群) as the sidebar sees one: who in the chat we know.
import { chatIdParamsSchema, groupChatDtoSchema } from '../schemas/sidebar.js';
import { defineEndpoint } from './contract.js';

/** The sidebar in a group chat (getCurExternalChat gives the chat id). */
export const groupChat = defineEndpoint({
  method: 'GET',
  path: '/groups/:chatId',
  params: chatIdParamsSchema,
  response: groupChatDtoSchema,
});
