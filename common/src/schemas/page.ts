// A newest-first list a page at a time (the knowledge editor, the change history, the drafts inbox, the alerts):
// `cursor` is the `nextCursor` of the page before, where it ended (time and id, so entries sharing an instant are
// neither repeated nor skipped); the response carries the next one unless it is the last page.
import { z } from 'zod';
import { keysetCursorSchema } from './customer.js';

/** `limit` and `cursor` of one page, to spread into a list's query schema. */
export const newestFirstPageShape = {
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: keysetCursorSchema.optional(),
};

export const newestFirstPageQuerySchema = z.object(newestFirstPageShape).strict();
export type NewestFirstPageQuery = z.infer<typeof newestFirstPageQuerySchema>;

/** One page of `dto`s. */
export const pageOf = <Dto extends z.ZodType>(dto: Dto) =>
  z.object({ items: z.array(dto), nextCursor: z.string().optional() }).strict();
