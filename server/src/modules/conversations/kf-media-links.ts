// Signed links to a customer's media: an <img> or <audio> cannot send the session header, so the conversation's
// answer (read with the session, tenant-scoped) carries links signed for that merchant, that message and that
// rendering, valid for an hour. Another merchant's id, another message or a changed parameter fails the signature.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MerchantId } from '../../tenancy/merchant-id.js';

export type MediaVariant = 'original' | 'playable';
export const MEDIA_LINK_TTL_SECONDS = 3600;

export class KfMediaLinks {
  private key: Buffer;

  constructor(
    secret: string,
    private now: () => number = Date.now,
  ) {
    // a key of its own, derived from the server's secret: a media signature is never a session signature
    this.key = createHmac('sha256', secret).update('kf-media-links/v1').digest();
  }

  private sign(merchantId: string, messageId: string, variant: MediaVariant, expires: number): string {
    return createHmac('sha256', this.key)
      .update(`${merchantId}.${messageId}.${variant}.${expires}`)
      .digest('base64url')
      .slice(0, 32);
  }

  /** The path (under the server's own address) staff's pages load the media from. */
  url(merchantId: MerchantId, messageId: string, variant: MediaVariant): string {
    const expires = Math.floor(this.now() / 1000) + MEDIA_LINK_TTL_SECONDS;
    const sig = this.sign(String(merchantId), messageId, variant, expires);
    return `/api/kf-media/${String(merchantId)}/${messageId}?v=${variant}&e=${expires}&s=${sig}`;
  }

  verify(merchantId: string, messageId: string, variant: MediaVariant, expires: number, sig: string): boolean {
    if (expires * 1000 < this.now()) return false;
    const expected = Buffer.from(this.sign(merchantId, messageId, variant, expires));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
