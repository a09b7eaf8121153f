import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips and never repeats a ciphertext', () => {
    const a = box.seal('corp-secret-玉米');
    const b = box.seal('corp-secret-玉米');
    expect(a).not.toBe(b);
    expect(a).not.toContain('corp-secret');
    expect(box.open(a)).toBe('corp-secret-玉米');
  });

  it('refuses a tampered value or the wrong key', () => {
    const sealed = box.seal('sk-live-123');
    const parts = sealed.split('.');
    parts[2] = Buffer.from('sk-live-999').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
    expect(() => box.open('plain-text')).toThrow('not a sealed secret');
  });

  it('requires a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow();
  });
});
