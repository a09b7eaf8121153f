// Short-lived WeCom credentials (access_token, jsapi tickets) cached in Redis, shared by every process.
// Refresh is single-flight across processes: one holder of a Redis lock calls WeCom; the rest wait and read the cache.
// Values are sealed (SecretBox) so a Redis dump does not leak them. If Redis is down we still work, uncached.
import type { Redis } from 'ioredis';
import type { SecretBox } from '../../../crypto/secret-box.js';
import type { Logger } from '../../../logging/logger.js';
import type { RedisLock } from '../../../redis/lock.js';

/** Refresh this long before WeCom's expiry, so a token never expires mid-request. */
const EXPIRY_MARGIN_SECONDS = 300;

export class CredentialCache {
  constructor(
    private redis: Redis,
    private locks: RedisLock,
    private secrets: SecretBox,
    private logger: Logger,
  ) {}

  async get(key: string, fetch: () => Promise<{ value: string; expiresIn: number }>): Promise<string> {
    try {
      const cached = await this.read(key);
      if (cached) return cached;
      return await this.locks.withLock(`${key}:refresh`, { ttlMs: 10_000, waitMs: 8_000 }, async () => {
        const refreshed = await this.read(key); // another process may have refreshed while we waited
        if (refreshed) return refreshed;
        const fresh = await fetch();
        const ttl = Math.max(60, fresh.expiresIn - EXPIRY_MARGIN_SECONDS);
        await this.redis.set(key, this.secrets.seal(fresh.value), 'EX', ttl);
        return fresh.value;
      });
    } catch (err) {
      if (!isRedisFailure(err)) throw err;
      this.logger.warn({ err: (err as Error).message }, 'redis unavailable: fetching WeCom credential uncached');
      return (await fetch()).value;
    }
  }

  /** Drops the cached value, but only if it is still the one that failed (another process may have refreshed it). */
  async invalidate(key: string, stale: string): Promise<void> {
    try {
      if ((await this.read(key)) === stale) await this.redis.del(key);
    } catch (err) {
      if (!isRedisFailure(err)) throw err;
    }
  }

  /** Drops the cached value whatever it is (the credentials behind it changed). */
  async forget(key: string): Promise<void> {
    try {
      await this.redis.del(key);
    } catch (err) {
      if (!isRedisFailure(err)) throw err;
    }
  }

  private async read(key: string): Promise<string | null> {
    const sealed = await this.redis.get(key);
    return sealed ? this.secrets.open(sealed) : null;
  }
}

const isRedisFailure = (err: unknown) => {
  const e = err as { name?: string; message?: string };
  return (
    e?.name === 'MaxRetriesPerRequestError' ||
    /Connection is closed|ECONNREFUSED|Stream isn't writeable/.test(e?.message ?? '')
  );
};
