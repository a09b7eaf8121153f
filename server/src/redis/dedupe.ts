import type { Redis } from 'ioredis';

/**
 * Claims a key once: true for the first caller, false for every later one within the TTL — across processes,
 * because SET NX is atomic in Redis (a check-then-set in two commands would lose to a race).
 */
export async function claimOnce(redis: Redis, key: string, ttlSeconds: number): Promise<boolean> {
  return (await redis.set(key, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
}

/** Gives a claim back, for when the work it guarded failed and a retry must be allowed through. */
export async function releaseClaim(redis: Redis, key: string): Promise<void> {
  await redis.del(key);
}
