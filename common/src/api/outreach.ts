// The owner's (and managers') drafts inbox: proactive messages waiting for approval, approved (as written or
// edited), in bulk, or not sent; and the outreach settings.
import { z } from 'zod';
import { INDUSTRIES } from '../constants/industries.js';
import { idParamsSchema } from '../schemas/common.js';
import { outreachSettingsSchema } from '../schemas/merchant.js';
import { pageOf } from '../schemas/page.js';
import {
  draftApproveSchema,
  draftBulkApproveSchema,
  draftBulkResultSchema,
  draftDtoSchema,
  draftListQuerySchema,
  draftRejectSchema,
} from '../schemas/outreach.js';
import { defineEndpoint } from './contract.js';

/** Newest first: without `limit` the latest 500 (today's count), with it one page (the inbox). */
export const drafts = defineEndpoint({
  method: 'GET',
  path: '/outreach/drafts',
  request: draftListQuerySchema,
  response: pageOf(draftDtoSchema),
});

export const approveDrafts = defineEndpoint({
  method: 'POST',
  path: '/outreach/drafts/approve',
  request: draftBulkApproveSchema,
  response: draftBulkResultSchema,
});

/** Sends it (edited text is checked again); a customer who opted out meanwhile is not written to. */
export const approveDraft = defineEndpoint({
  method: 'POST',
  path: '/outreach/drafts/:id/approve',
  params: idParamsSchema,
  request: draftApproveSchema,
  response: draftDtoSchema,
});

export const rejectDraft = defineEndpoint({
  method: 'POST',
  path: '/outreach/drafts/:id/reject',
  params: idParamsSchema,
  request: draftRejectSchema,
  response: draftDtoSchema,
});

/**
 * The outreach settings in force (the owner's, over their industry's template, over the defaults): when customer
 * scenarios run, each scenario's switch and knobs, the contact policy. Every knob is filled in, so a client may
 * read it back as `OutreachSettings` with `resolveOutreachSettings`.
 */
export const settings = defineEndpoint({ method: 'GET', path: '/outreach/settings', response: outreachSettingsSchema });

/** The owner's. */
export const saveSettings = defineEndpoint({
  method: 'PUT',
  path: '/outreach/settings',
  request: outreachSettingsSchema,
  response: outreachSettingsSchema,
});

/** Start over from an industry's template (the run time and contact policy are kept); the owner's. */
export const applyTemplate = defineEndpoint({
  method: 'POST',
  path: '/outreach/settings/template',
  request: z.object({ industry: z.enum(INDUSTRIES) }).strict(),
  response: outreachSettingsSchema,
});
