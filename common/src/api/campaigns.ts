// Group sends (群发): a WeCom task the sending member confirms; opted-out and capped customers are left out and said
// so (managers).
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
