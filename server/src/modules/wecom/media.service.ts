// Images for scripts sent from the sidebar: sendChatMessage takes a media_id, which WeCom keeps for three days.
// One upload per image serves every staff member for 2.5 days (shared in Redis, single-flight under a lock), then
// the next send uploads it again — so a media_id handed out is always at least half a day from expiring.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError, notFound } from '../../errors/app-error.js';
import { blockedCause, readCapped, refusalMessage, type OutboundGuard } from '../../net/outbound-guard.js';
import type { RedisLock } from '../../redis/lock.js';
import { tenantKey } from '../../redis/keys.js';
import type { ContactsApi } from './api/contacts-api.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { WecomAppRepository } from './wecom-app.repository.js';

export const MEDIA_REUSE_SECONDS = 60 * 60 * 60; // 2.5 days of WeCom's 3
const MAX_IMAGE_BYTES = 2 * 1024 * 1024; // WeCom takes 10 MB; chat images this large only slow the customer down

/** Which picture a refusal speaks of, and where the owner changes it (a script's, a campaign's …). */
export interface ImageUse {
  name: string;
  fix: string;
}
const SCRIPT_IMAGE: ImageUse = { name: '话术图片', fix: '请在话术库里换一张' };

export class MediaService {
  constructor(
    private redis: Redis,
    private locks: RedisLock,
    private contacts: ContactsApi,
    private apps: WecomAppRepository,
    /** the image URL is the merchant's: fetched only through the guard (https and public addresses in production) */
    private outbound: OutboundGuard,
  ) {}

  async imageMediaId(merchantId: MerchantId, imageUrl: string, use: ImageUse = SCRIPT_IMAGE): Promise<string> {
    const app = await this.apps.findByMerchant(merchantId);
    if (!app) throw notFound('还没有配置企业微信应用');
    const key = tenantKey(app.merchantId, 'wecom', 'media', createHash('sha1').update(imageUrl).digest('hex'));
    const cached = await this.redis.get(key);
    if (cached) return cached;
    return this.locks.withLock(`${key}:lock`, { ttlMs: 30_000, waitMs: 15_000 }, async () => {
      const again = await this.redis.get(key); // another request uploaded it while we waited
      if (again) return again;
      const { mediaId } = await this.contacts.uploadImage(app, await this.download(imageUrl, use));
      await this.redis.set(key, mediaId, 'EX', MEDIA_REUSE_SECONDS);
      return mediaId;
    });
  }

  private async download(
    imageUrl: string,
    use: ImageUse,
  ): Promise<{ bytes: Uint8Array; filename: string; contentType: string }> {
    const unusable = `${use.name}打不开，${use.fix}`;
    try {
      const res = await this.outbound.fetch(
        imageUrl,
        { signal: AbortSignal.timeout(10_000) },
        { maxBytes: MAX_IMAGE_BYTES },
      );
      const type = res.headers.get('content-type') ?? '';
      if (!res.ok || !type.startsWith('image/')) {
        await res.body?.cancel();
        throw new AppError('bad_request', { message: unusable });
      }
      const bytes = await readCapped(res, MAX_IMAGE_BYTES); // streamed: an oversized image is dropped at 2 MB
      return { bytes, filename: new URL(imageUrl).pathname.split('/').pop() || 'image.png', contentType: type };
    } catch (err) {
      const blocked = blockedCause(err);
      if (blocked?.reason === 'too_large')
        throw new AppError('bad_request', { message: `${use.name}超过 2MB，请压缩后再上传` });
      if (blocked) throw new AppError('bad_request', { message: refusalMessage(blocked, `${use.name}地址`) });
      if (err instanceof AppError) throw err;
      throw new AppError('bad_request', { message: unusable, cause: err });
    }
  }
}
