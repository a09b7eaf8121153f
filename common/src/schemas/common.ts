import { z } from 'zod';

/**
 * A MongoDB ObjectId in its 24-hex form. Every id that reaches a query goes through this, so an object such as
 * `{"$gt": ""}` can never be smuggled into a filter.
 */
export const objectIdSchema = z.string().regex(/^[0-9a-f]{24}$/i, '编号格式不正确');

export const idParamsSchema = z.object({ id: objectIdSchema });

export const paginationSchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export interface Page<T> {
  items: T[];
  /** pass as `cursor` to get the next page; absent on the last page */
  nextCursor?: string;
}

/** "HH:mm" in the merchant's timezone */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');
/** "YYYY-MM-DD" */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
