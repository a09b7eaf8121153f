// Temporary media (media/upload): a media_id valid for three days; WeCom answers 40007 for one that expired.
import { fault } from '../errors.js';
import { MEDIA_TTL_MS } from '../state.js';
import type { ApiRoute } from './types.js';

const TYPES = new Set(['image', 'voice', 'video', 'file']);
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

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
};
