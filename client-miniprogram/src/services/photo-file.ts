// A product photo picked on the phone (chooseImage) or, in the H5 build, from the computer: checked against the
// server's limits before sending (the same Chinese messages), as base64, the shape the upload takes.
import Taro from '@tarojs/taro';
import {
  PHOTO_TOO_BIG,
  PHOTO_WRONG_TYPE,
  PRODUCT_PHOTO_MAX_BYTES,
  PRODUCT_PHOTO_TYPES,
} from '@xiaoer/common/api/catalog';
import { browserFile } from './files';

const EXTENSION_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** The problem with a picked file, or null: too big, or not a JPG, PNG or WebP (by its type or name). */
export function photoProblem(file: { size: number; type?: string; name: string }): string | null {
  const type = file.type || EXTENSION_TYPES[file.name.toLowerCase().split('.').pop() ?? ''] || '';
  if (!(PRODUCT_PHOTO_TYPES as readonly string[]).includes(type)) return PHOTO_WRONG_TYPE;
  if (file.size > PRODUCT_PHOTO_MAX_BYTES) return PHOTO_TOO_BIG;
  return null;
}

/** The picked photo in base64; null when the owner picked none; throws with the message to show. */
export async function pickPhoto(): Promise<string | null> {
  if (process.env.TARO_ENV === 'weapp') {
    const { tempFiles } = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] });
    const file = tempFiles[0];
    if (!file) return null;
    const problem = photoProblem({ size: file.size, name: file.path });
    if (problem) throw new Error(problem);
    return Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string;
  }
  const file = await browserFile(PRODUCT_PHOTO_TYPES.join(','), 'photo-input');
  if (!file) return null;
  const problem = photoProblem(file);
  if (problem) throw new Error(problem);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
}
