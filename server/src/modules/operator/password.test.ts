import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('operator passwords', () => {
  it('verify the right password and refuse a wrong one', async () => {
    const stored = await hashPassword('正确的密码 correct horse');
    expect(await verifyPassword('正确的密码 correct horse', stored)).toBe(true);
    expect(await verifyPassword('正确的密码 correct hors', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salt every hash: the same password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain('same password');
  });

  it('refuse when there is no stored hash (an unknown login) and when the stored value is not ours', async () => {
    expect(await verifyPassword('anything', undefined)).toBe(false);
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
  });
});
