// The owner's session in the mini-program's storage: the token, when it expires, who is signed in, and when it came.
// A token past half its lifetime is renewed before use (POST /api/auth/refresh), so an owner who keeps using the
// console stays signed in, without a renewal per call when the server hands out short sessions.
import Taro from '@tarojs/taro';
import type { SessionDto } from '@xiaoer/common/schemas/auth';

const KEY = 'xiaoer.session';
/** A session as stored: the server's, and when this device received it (the server's clock is not ours; sessions
 * stored by an earlier version lack it). */
export type StoredSession = SessionDto & { receivedAt?: number };

export const sessionStore = {
  get(): StoredSession | null {
    const stored = Taro.getStorageSync(KEY) as StoredSession | '' | undefined;
    if (!stored || typeof stored !== 'object') return null;
    return Date.parse(stored.expiresAt) > Date.now() ? stored : null;
  },
  set(session: SessionDto, receivedAt = Date.now()): void {
    Taro.setStorageSync(KEY, { ...session, receivedAt } satisfies StoredSession);
  },
  clear(): void {
    Taro.removeStorageSync(KEY);
  },
};

/** Past half its lifetime (one stored before receivedAt existed counts as received now: renewed at expiry's edge). */
export function needsRefresh(session: StoredSession, now = Date.now()): boolean {
  const expiresAt = Date.parse(session.expiresAt);
  const receivedAt = session.receivedAt ?? now;
  return expiresAt - now < (expiresAt - receivedAt) / 2;
}
