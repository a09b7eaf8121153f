// Signed links to products' photos: an <img> cannot send the session header, so the catalogue's answer (read with
// the session, tenant-scoped) carries links signed for that merchant, that product and that upload. A link lasts
// until the end of the next hour (the same link all hour, so phones cache the picture); another merchant's id,
// another product, another upload or a changed parameter fails the signature.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MerchantId } from '../../tenancy/merchant-id.js';

const HOUR = 3600;

export class ProductPhotoLinks {
  private key: Buffer;

  constructor(
    secret: string,
    private now: () => number = Date.now,
  ) {
    // a key of its own, derived from the server's secret: a photo signature is never a session's or a media link's
    this.key = createHmac('sha256', secret).update('product-photo-links/v1').digest();
  }

  private sign(merchantId: string, productId: string, version: number, expires: number): string {
    return createHmac('sha256', this.key)
      .update(`${merchantId}.${productId}.${version}.${expires}`)
      .digest('base64url')
      .slice(0, 32);
  }

  /** The path (under the server's own address) the console loads the photo from; `version`: its upload time. */
  url(merchantId: MerchantId, productId: string, version: number): string {
    const expires = (Math.floor(this.now() / 1000 / HOUR) + 2) * HOUR;
    const sig = this.sign(String(merchantId), productId, version, expires);
    return `/api/product-photos/${String(merchantId)}/${productId}?t=${version}&e=${expires}&s=${sig}`;
  }

  verify(merchantId: string, productId: string, version: number, expires: number, sig: string): boolean {
    if (expires * 1000 < this.now()) return false;
    const expected = Buffer.from(this.sign(merchantId, productId, version, expires));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
