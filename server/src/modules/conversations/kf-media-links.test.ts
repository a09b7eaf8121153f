import { describe, expect, it } from 'vitest';
import { asMerchantId } from '../../tenancy/merchant-id.js';
import { KfMediaLinks, MEDIA_LINK_TTL_SECONDS } from './kf-media-links.js';

const MERCHANT = 'a'.repeat(24);
const MESSAGE = 'b'.repeat(24);

describe('signed media links', () => {
  it('open for their merchant, message and rendering until they expire, and for nothing else', () => {
    let now = Date.UTC(2026, 10, 30);
    const links = new KfMediaLinks('s'.repeat(32), () => now);
    const url = new URL(links.url(asMerchantId(MERCHANT), MESSAGE, 'original'), 'http://x');
    const e = Number(url.searchParams.get('e'));
    const s = url.searchParams.get('s')!;
    expect(url.pathname).toBe(`/api/kf-media/${MERCHANT}/${MESSAGE}`);
    expect(links.verify(MERCHANT, MESSAGE, 'original', e, s)).toBe(true);
    expect(links.verify('c'.repeat(24), MESSAGE, 'original', e, s)).toBe(false);
    expect(links.verify(MERCHANT, 'c'.repeat(24), 'original', e, s)).toBe(false);
    expect(links.verify(MERCHANT, MESSAGE, 'playable', e, s)).toBe(false);
    expect(links.verify(MERCHANT, MESSAGE, 'original', e + 3600, s)).toBe(false);
    expect(new KfMediaLinks('t'.repeat(32), () => now).verify(MERCHANT, MESSAGE, 'original', e, s)).toBe(false);
    now += (MEDIA_LINK_TTL_SECONDS + 1) * 1000;
    expect(links.verify(MERCHANT, MESSAGE, 'original', e, s)).toBe(false);
  });
});
