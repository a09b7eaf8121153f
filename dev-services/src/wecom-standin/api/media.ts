// Temporary media: media/upload gives a media_id valid for three days; media/get hands back what a media_id holds
// (the files customers sent to 微信客服). WeCom answers 40007 for a media_id it does not know or that expired.
import { fault } from '../errors.js';
import { MEDIA_TTL_MS } from '../state.js';
import type { ApiRoute } from './types.js';

const TYPES = new Set(['image', 'voice', 'video', 'file']);
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** A route's answer that is a file, not JSON: the server writes these bytes with this content type. */
export const FILE_ANSWER = '__file';
export interface FileAnswer {
  content: Buffer;
  contentType: string;
  filename: string;
}

export const mediaRoutes: Record<string, ApiRoute> = {
  'POST /cgi-bin/media/upload': {
    handler: ({ state, corpId, query, body }) => {
      const type = query.get('type') ?? '';
      if (!TYPES.has(type)) throw fault(40004, 'invalid media type');
      const file = body.__multipart as { bytes: number; filename?: string } | undefined;
      if (!file || !file.filename) throw fault(41005, 'media data missing');
      if (file.bytes < 5) throw fault(40005, 'invalid file type');
      if (type === 'image' && file.bytes > MAX_IMAGE_BYTES) throw fault(40009, 'invalid image size');
      const mediaId = state.id('3', 20);
      const createdAt = state.now();
      state.media.set(mediaId, { corpId, type, bytes: file.bytes, expiresAt: createdAt + MEDIA_TTL_MS });
      return { type, media_id: mediaId, created_at: String(Math.floor(createdAt / 1000)) };
    },
  },
  'GET /cgi-bin/media/get': {
    handler: ({ state, corpId, query }) => {
      const media = state.media.get(query.get('media_id') ?? '');
      if (!media || media.corpId !== corpId || media.expiresAt < state.now() || !media.content)
        throw fault(40007, 'invalid media_id');
      const extension = media.contentType?.split('/')[1] ?? 'bin';
      const file: FileAnswer = {
        content: media.content,
        contentType: media.contentType ?? 'application/octet-stream',
        filename: `${query.get('media_id')}.${extension}`,
      };
      return { [FILE_ANSWER]: file };
    },
  },
};
