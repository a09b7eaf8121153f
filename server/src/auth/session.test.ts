import { describe, expect, it } from 'vitest';
import { asMerchantId } from '../tenancy/merchant-id.js';
import { SessionSigner } from './session.js';

const session = { merchantId: asMerchantId('64b000000000000000000001'), staffId: 's1', role: 'staff' as const };

describe('SessionSigner', () => {
  it('round-trips merchant, staff and role, and when it was issued (to the ms, for revocations)', async () => {
    const signer = new SessionSigner('k'.repeat(32), 60);
    const now = Date.now();
    const { token } = await signer.issue(session, now);
    expect(await signer.verify(token)).toEqual({ ...session, issuedAt: now });
  });

  it('rejects an expired token', async () => {
    const signer = new SessionSigner('k'.repeat(32), 60);
    const { token } = await signer.issue(session, Date.now() - 120_000);
    await expect(signer.verify(token)).rejects.toMatchObject({
      code: 'unauthenticated',
      message: '登录已过期，请重新进入',
    });
  });

  it('rejects a token signed with another secret or tampered with', async () => {
    const { token } = await new SessionSigner('a'.repeat(32), 60).issue(session);
    await expect(new SessionSigner('b'.repeat(32), 60).verify(token)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), role: 'owner' }),
    ).toString('base64url');
    await expect(new SessionSigner('a'.repeat(32), 60).verify(`${h}.${forged}.${s}`)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });
});
