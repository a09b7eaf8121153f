// The group calendar's posts (managers): the week drafted on demand, the owner's review (approve as written or
// edited, or not send), and replies staff saw in the group counted for a post.
import { z } from 'zod';
import { idParamsSchema } from '../schemas/common.js';
import {
  draftWeekSchema,
  groupInteractionDtoSchema,
  groupPostApproveSchema,
  groupPostDtoSchema,
  groupPostListQuerySchema,
  groupPostReplySchema,
  weekDraftOutcomeSchema,
} from '../schemas/group-post.js';
import { defineEndpoint } from './contract.js';

/** Posts by status, in calendar order; in the review each says how many of its group's members opted out. */
export const groupPosts = defineEndpoint({
  method: 'GET',
  path: '/group-posts',
  request: groupPostListQuerySchema,
  response: z.object({ items: z.array(groupPostDtoSchema) }).strict(),
});

/** Drafts the week starting on this Monday for every live group whose layer has a calendar; slots drafted stay. */
export const draftWeek = defineEndpoint({
  method: 'POST',
  path: '/group-posts/draft-week',
  request: draftWeekSchema,
  response: weekDraftOutcomeSchema,
});

/** Approved (edited text is checked again): a group-send task for the group's owner to confirm in WeCom. */
export const approveGroupPost = defineEndpoint({
  method: 'POST',
  path: '/group-posts/:id/approve',
  params: idParamsSchema,
  request: groupPostApproveSchema,
  response: groupPostDtoSchema,
});

export const rejectGroupPost = defineEndpoint({
  method: 'POST',
  path: '/group-posts/:id/reject',
  params: idParamsSchema,
  response: groupPostDtoSchema,
});

/** A reply staff saw in the group ("接龙+…", "预约+…"), counted for the post; anything else is 400. */
export const recordGroupPostReply = defineEndpoint({
  method: 'POST',
  path: '/group-posts/:id/replies',
  params: idParamsSchema,
  request: groupPostReplySchema,
  response: groupInteractionDtoSchema,
  status: 201,
});
