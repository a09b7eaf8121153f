// Customers: the sidebar's profile of the customer in the chat, and the console's customer list.
import { z } from 'zod';
import { idParamsSchema } from '../schemas/common.js';
import {
  customerDtoSchema,
  customerListQuerySchema,
  customerNoteCreateSchema,
  customerTimelineDtoSchema,
  customerTimelineQuerySchema,
  customerUpdateSchema,
  linkedOrderDtoSchema,
  linkOrderSchema,
  linkedVisitDtoSchema,
  unmatchedOrdersDtoSchema,
  unmatchedVisitKindParamsSchema,
  unmatchedVisitParamsSchema,
  unmatchedVisitsDtoSchema,
  whyNotContactedDtoSchema,
} from '../schemas/customer.js';
import { customerProfileDtoSchema, externalUserIdParamsSchema } from '../schemas/sidebar.js';
import { defineEndpoint } from './contract.js';

/** The sidebar knows the customer by WeCom's external userid (getCurExternalContact). */
export const profileByExternalUserId = defineEndpoint({
  method: 'GET',
  path: '/customers/by-external/:externalUserId',
  params: externalUserIdParamsSchema,
  response: customerProfileDtoSchema,
});

export const profile = defineEndpoint({
  method: 'GET',
  path: '/customers/:id/profile',
  params: idParamsSchema,
  response: customerProfileDtoSchema,
});

export const customerPageSchema = z
  .object({
    items: z.array(customerDtoSchema),
    /** pass as `cursor` for the next page; absent on the last page */
    nextCursor: z.string().optional(),
  })
  .strict();

export const list = defineEndpoint({
  method: 'GET',
  path: '/customers',
  request: customerListQuerySchema,
  response: customerPageSchema,
});

export const get = defineEndpoint({
  method: 'GET',
  path: '/customers/:id',
  params: idParamsSchema,
  response: customerDtoSchema,
});

/** Tags (synced to WeCom), remark, phone, birthday, opt-out; clearing an opt-out is the owner's, with a reason. */
export const update = defineEndpoint({
  method: 'PATCH',
  path: '/customers/:id',
  params: idParamsSchema,
  request: customerUpdateSchema,
  response: customerDtoSchema,
});

/** The same change from the console (wx.request knows no PATCH). */
export const save = defineEndpoint({
  method: 'PUT',
  path: '/customers/:id',
  params: idParamsSchema,
  request: customerUpdateSchema,
  response: customerDtoSchema,
});

export const addNote = defineEndpoint({
  method: 'POST',
  path: '/customers/:id/notes',
  params: idParamsSchema,
  request: customerNoteCreateSchema,
  response: customerDtoSchema,
  status: 201,
});

/** Orders, bookings, classes, reviews, messages and the shop's messages sent, newest first, one page at a time. */
export const timeline = defineEndpoint({
  method: 'GET',
  path: '/customers/:id/timeline',
  params: idParamsSchema,
  request: customerTimelineQuerySchema,
  response: customerTimelineDtoSchema,
});

/** 为什么没联系他: every reason the shop's proactive messages would not reach the customer now. */
export const whyNotContacted = defineEndpoint({
  method: 'GET',
  path: '/customers/:id/why-not-contacted',
  params: idParamsSchema,
  response: whyNotContactedDtoSchema,
});

/** Orders that named a customer none of ours matched, newest first (managers and owners). */
export const unmatchedOrders = defineEndpoint({
  method: 'GET',
  path: '/customers/unmatched/orders',
  request: customerTimelineQuerySchema,
  response: unmatchedOrdersDtoSchema,
});

/** Links such an order to a customer by hand, optionally keeping its phone / member number on them (audited). */
export const linkOrder = defineEndpoint({
  method: 'POST',
  path: '/customers/unmatched/orders/:id/link',
  params: idParamsSchema,
  request: linkOrderSchema,
  response: linkedOrderDtoSchema,
});

/** Bookings or course packages that named a customer none of ours matched, newest first (managers and owners). */
export const unmatchedVisits = defineEndpoint({
  method: 'GET',
  path: '/customers/unmatched-visits/:kind',
  params: unmatchedVisitKindParamsSchema,
  request: customerTimelineQuerySchema,
  response: unmatchedVisitsDtoSchema,
});

/**
 * Links such a record to a customer by hand (audited): it joins their timeline and counts as their visit (a package's
 * classes too), optionally keeping its phone / member number on them.
 */
export const linkVisit = defineEndpoint({
  method: 'POST',
  path: '/customers/unmatched-visits/:kind/:id/link',
  params: unmatchedVisitParamsSchema,
  request: linkOrderSchema,
  response: linkedVisitDtoSchema,
});
