// Customer groups (客户群): as the sidebar sees one (who in the chat we know), and the owner's groups in the console
// (managers): synced from WeCom, each with its layer, a join code and welcome per layer, and a group's report.
import { z } from 'zod';
import {
  customerGroupDtoSchema,
  groupEntryDtoSchema,
  groupJoinCodeDtoSchema,
  groupLayerBodySchema,
  groupLayerParamsSchema,
  groupReportDtoSchema,
  groupReportQuerySchema,
  groupWelcomeDtoSchema,
  groupWelcomeSchema,
} from '../schemas/customer-group.js';
import { chatIdParamsSchema, groupChatDtoSchema } from '../schemas/sidebar.js';
import { defineEndpoint } from './contract.js';

/** The sidebar in a group chat (getCurExternalChat gives the chat id). */
export const groupChat = defineEndpoint({
  method: 'GET',
  path: '/groups/:chatId',
  params: chatIdParamsSchema,
  response: groupChatDtoSchema,
});

export const customerGroups = defineEndpoint({
  method: 'GET',
  path: '/customer-groups',
  response: z.object({ items: z.array(customerGroupDtoSchema) }).strict(),
});

/** Every group of the corp's members, asked of WeCom now (groups it never told us about included). */
export const syncCustomerGroups = defineEndpoint({
  method: 'POST',
  path: '/customer-groups/sync',
  response: z.object({ synced: z.number().int() }).strict(),
});

/** The layer decides the group's weekly calendar. */
export const setGroupLayer = defineEndpoint({
  method: 'PUT',
  path: '/customer-groups/:chatId/layer',
  params: chatIdParamsSchema,
  request: groupLayerBodySchema,
  response: z.void(),
  status: 204,
});

export const groupEntries = defineEndpoint({
  method: 'GET',
  path: '/customer-groups/entries',
  response: z.object({ items: z.array(groupEntryDtoSchema) }).strict(),
});

/** A join QR code for the layer's live groups; 400 when the layer has none yet. */
export const groupJoinCode = defineEndpoint({
  method: 'POST',
  path: '/customer-groups/entries/:layer/join-code',
  params: groupLayerParamsSchema,
  response: groupJoinCodeDtoSchema,
});

/** The layer's welcome for new members as a WeCom template (the owner's text, or the layer's own). */
export const groupWelcome = defineEndpoint({
  method: 'POST',
  path: '/customer-groups/entries/:layer/welcome',
  params: groupLayerParamsSchema,
  request: groupWelcomeSchema,
  response: groupWelcomeDtoSchema,
});

export const groupReport = defineEndpoint({
  method: 'GET',
  path: '/customer-groups/:chatId/report',
  params: chatIdParamsSchema,
  request: groupReportQuerySchema,
  response: groupReportDtoSchema,
});
