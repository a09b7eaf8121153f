import { z } from 'zod';
import { DRAFT_STATUSES } from '../constants/outreach.js';
import { objectIdSchema } from './common.js';
import { newestFirstPageShape } from './page.js';

/** A proactive message waiting for (or past) the owner's approval, as the drafts inbox shows it. */
export const draftDtoSchema = z
  .object({
    id: z.string(),
    scenario: z.string(),
    scenarioName: z.string(),
    /** the customer by the name staff know them by (their remark, else their name) */
    customer: z.object({ id: z.string(), name: z.string() }).strict(),
    text: z.string(),
    reason: z.string(),
    writtenBy: z.enum(['llm', 'template']),
    status: z.enum(DRAFT_STATUSES),
    error: z.string().optional(),
    groupSendId: z.string().optional(),
    /** approved in the merchant's quiet hours: it waits, and goes out after this moment (ISO) */
    sendAfter: z.string().optional(),
    audit: z.array(
      z.object({ at: z.string(), by: z.string(), action: z.string(), note: z.string().optional() }).strict(),
    ),
    createdAt: z.string(),
  })
  .strict();
export type DraftDto = z.infer<typeof draftDtoSchema>;

/** Drafts approved in one tap: how each went (a refusal names why, in the owner's words). */
export const draftBulkResultSchema = z
  .object({
    results: z.array(
      z.object({ id: z.string(), status: z.enum(DRAFT_STATUSES).optional(), error: z.string().optional() }).strict(),
    ),
  })
  .strict();

/** Drafts of one status (`handled`: every status but pending), newest first; with `limit`, one page of them. */
export const draftListQuerySchema = z
  .object({ status: z.enum([...DRAFT_STATUSES, 'handled']).optional(), ...newestFirstPageShape })
  .strict();
export type DraftListQuery = z.infer<typeof draftListQuerySchema>;
export const draftApproveSchema = z.object({ text: z.string().trim().min(1).max(1000).optional() }).strict();
export const draftBulkApproveSchema = z.object({ ids: z.array(objectIdSchema).min(1).max(200) }).strict();
export const draftRejectSchema = z.object({ note: z.string().trim().max(200).optional() }).strict();
