// The team (managers and owners): members synced from the WeCom app's visible range, their roles and shops, the
// owner's claim of their own WeCom member, a member's own name where WeCom withheld it, mini-program invites.
import { z } from 'zod';
import { idParamsSchema } from '../schemas/common.js';
import { sessionDtoSchema } from '../schemas/auth.js';
import {
  staffClaimSchema,
  staffDtoSchema,
  staffInviteDtoSchema,
  staffNameSchema,
  staffSyncDtoSchema,
  staffUpdateSchema,
} from '../schemas/staff.js';
import { defineEndpoint } from './contract.js';

export const list = defineEndpoint({
  method: 'GET',
  path: '/staff',
  response: z
    .object({
      items: z.array(staffDtoSchema),
      /** members the owner took off the team (listed for the owner only, who alone can bring them back) */
      deactivated: z.array(staffDtoSchema),
    })
    .strict(),
});

/** Starts (or joins the running) sync of the app's visible range; progress at syncStatus (owner). */
export const startSync = defineEndpoint({
  method: 'POST',
  path: '/staff/sync',
  status: 202,
  response: z.object({ sync: staffSyncDtoSchema }).strict(),
});

/** The latest sync, or null before the first (managers and owners). */
export const syncStatus = defineEndpoint({
  method: 'GET',
  path: '/staff/sync',
  response: z.object({ sync: staffSyncDtoSchema.nullable() }).strict(),
});

/** A member's role (owner only; the last owner cannot be demoted) and shops. */
export const update = defineEndpoint({
  method: 'PUT',
  path: '/staff/:id',
  params: idParamsSchema,
  request: staffUpdateSchema,
  response: staffDtoSchema,
});

/** The owner says which synced member they are: their sidebar sign-in works from then on. A new session. */
export const claimOwner = defineEndpoint({
  method: 'POST',
  path: '/staff/claim',
  request: staffClaimSchema,
  response: sessionDtoSchema,
});

/** The signed-in member gives their name where WeCom withheld it. */
export const giveName = defineEndpoint({
  method: 'PUT',
  path: '/staff/me/name',
  request: staffNameSchema,
  response: staffDtoSchema,
});

/** A one-time invite binding a member's WeChat to the mini-program, with its QR code (owner). */
export const invite = defineEndpoint({
  method: 'POST',
  path: '/staff/:id/invite',
  params: idParamsSchema,
  response: staffInviteDtoSchema,
});

/** The member stops being staff: their sessions end at once (owner; never themself nor the last owner). */
export const deactivate = defineEndpoint({
  method: 'POST',
  path: '/staff/:id/deactivate',
  params: idParamsSchema,
  response: z.object({ ok: z.literal(true) }).strict(),
});

/** The owner brings back a member they took off the team; the sync leaves such a member off until then. */
export const reactivate = defineEndpoint({
  method: 'POST',
  path: '/staff/:id/reactivate',
  params: idParamsSchema,
  response: staffDtoSchema,
});
