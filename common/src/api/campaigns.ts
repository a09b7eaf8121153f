// Group sends (群发): a WeCom task the sending member confirms; opted-out and capped customers are left out and said
// so (managers).
import {
  campaignDetailSchema,
  campaignListSchema,
  campaignPreviewRequestSchema,
  campaignPreviewSchema,
  campaignSendRequestSchema,
  campaignSendResultSchema,
} from '../schemas/campaign.js';
import { idParamsSchema } from '../schemas/common.js';
import { groupSendCreateSchema, groupSendDtoSchema } from '../schemas/group-send.js';
import { defineEndpoint } from './contract.js';

export const createGroupSend = defineEndpoint({
  method: 'POST',
  path: '/group-sends',
  request: groupSendCreateSchema,
  response: groupSendDtoSchema,
  status: 201,
});

/** The task as WeCom reports it now (confirmed, delivered). */
export const groupSend = defineEndpoint({
  method: 'GET',
  path: '/group-sends/:id',
  params: idParamsSchema,
  response: groupSendDtoSchema,
});

/** Who a campaign would reach per staff member, and who is left out and why: the same reckoning the send makes. */
export const previewCampaign = defineEndpoint({
  method: 'POST',
  path: '/campaigns/preview',
  request: campaignPreviewRequestSchema,
  response: campaignPreviewSchema,
});

/** Sends a campaign: one WeCom group-send task per following staff member, who confirms it once in WeCom. */
export const sendCampaign = defineEndpoint({
  method: 'POST',
  path: '/campaigns/send',
  request: campaignSendRequestSchema,
  response: campaignSendResultSchema,
  status: 201,
});

/** The merchant's campaigns, newest first, each with how it went. */
export const listCampaigns = defineEndpoint({
  method: 'GET',
  path: '/campaigns',
  response: campaignListSchema,
});

/** One campaign: its audience, each staff member's task and whether they confirmed it, and how it went. */
export const campaign = defineEndpoint({
  method: 'GET',
  path: '/campaigns/:id',
  params: idParamsSchema,
  response: campaignDetailSchema,
});

/** Cancels a scheduled campaign before it goes (nothing was made in WeCom yet). */
export const cancelCampaign = defineEndpoint({
  method: 'POST',
  path: '/campaigns/:id/cancel',
  params: idParamsSchema,
  response: campaignDetailSchema,
});
