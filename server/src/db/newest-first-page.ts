// One page of a newest-first list (the editor's items by last change, the change history by time), the way the
// customers' timeline pages: read one more than the page to know whether another follows, and end the page with a
// cursor of its last entry's time and id (entries sharing an instant are neither repeated nor skipped).
import { keysetCursor, parseKeysetCursor } from '@xiaoer/common/schemas/customer';
import type { Types } from 'mongoose';

/** Reads up to `limit` entries older than `before` (at `before`, only those with an id below `beforeId`). */
export type ReadBefore<R> = (before: Date, limit: number, beforeId?: string) => Promise<R[]>;

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export async function newestFirstPage<R extends { _id: Types.ObjectId }>(
  read: ReadBefore<R>,
  timeOf: (r: R) => Date,
  page: PageRequest,
): Promise<{ items: R[]; nextCursor?: string }> {
  const { at: before, id: beforeId } = page.cursor ? parseKeysetCursor(page.cursor) : { at: new Date(8.64e15) };
  const rows = await read(before, page.limit + 1, beforeId);
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return rows.length > page.limit && last
    ? { items, nextCursor: keysetCursor(timeOf(last).toISOString(), last._id.toHexString()) }
    : { items };
}
