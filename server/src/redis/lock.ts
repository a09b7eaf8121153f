// A distributed lock on one Redis: SET NX PX with a random owner token; release and extend only by the owner
// (checked in Lua, atomically), so a process whose lock expired can never release somebody else's.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export interface HeldLock {
  key: string;
  token: string;
  /** false when the lock had already expired (someone else may hold it now) */
  release(): Promise<boolean>;
  extend(ttlMs: number): Promise<boolean>;
}

export class LockBusyError extends Error {
  constructor(readonly key: string) {
    super(`lock ${key} is held by another worker`);
  }
}

export class RedisLock {
  constructor(private redis: Redis) {}

  async tryAcquire(key: string, ttlMs: number): Promise<HeldLock | null> {
    const token = randomBytes(16).toString('hex');
    const ok = await this.redis.set(key, token, 'PX', ttlMs, 'NX');
    if (ok !== 'OK') return null;
    return {
      key,
      token,
      release: async () => (await this.redis.eval(RELEASE, 1, key, token)) === 1,
      extend: async (ms) => (await this.redis.eval(EXTEND, 1, key, token, ms)) === 1,
    };
  }

  /** Waits up to waitMs for the lock (polling with jitter), runs fn, and always releases. */
  async withLock<T>(
    key: string,
    options: { ttlMs: number; waitMs?: number },
    fn: (lock: HeldLock) => Promise<T>,
  ): Promise<T> {
    const deadline = Date.now() + (options.waitMs ?? 0);
    let lock = await this.tryAcquire(key, options.ttlMs);
    while (!lock && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
      lock = await this.tryAcquire(key, options.ttlMs);
    }
    if (!lock) throw new LockBusyError(key);
    try {
      return await fn(lock);
    } finally {
      await lock.release();
    }
  }
}
