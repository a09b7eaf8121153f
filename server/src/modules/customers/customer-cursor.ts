import type { Types } from 'mongoose';
import { AppError } from '../../errors/app-error.js';

/**
 * Opaque page cursor: base64url of "<lastContactAt ms>.<_id hex>". The id comes back as its hex: the repository
 * turns it into an ObjectId where it builds the filter.
 */
export const encodeCursor = (at: Date, id: Types.ObjectId): string =>
  Buffer.from(`${at.getTime()}.${id.toHexString()}`).toString('base64url');

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const match = /^(\d{1,15})\.([0-9a-f]{24})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new AppError('bad_request', { message: '分页参数无效，请刷新列表' });
  return { at: new Date(Number(match[1])), id: match[2]! };
}
