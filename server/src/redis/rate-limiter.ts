import type { Redis } from 'ioredis';

// INCR and the first PEXPIRE in one script: a crash between two separate commands would leave a key without
// expiry that blocks the caller forever.
const CONSUME = `
local n = redis.call('incrby', KEYS[1], ARGV[2])
if n == tonumber(ARGV[2]) then redis.call('pexpire', KEYS[1], ARGV[1]) end
return {n, redis.call('pttl', KEYS[1])}`;

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  /** milliseconds until the window resets */
  retryAfterMs: number;
}

/**
 * A fixed-window limiter shared by every process: at most `limit` units per `windowMs` for a key. Used below
 * WeCom's own limits (per corp per API) and for our own per-merchant and per-IP quotas.
 */
export class FixedWindowRateLimiter {
  constructor(private redis: Redis) {}

  async consume(key: string, limit: number, windowMs: number, cost = 1): Promise<RateDecision> {
    const windowId = Math.floor(Date.now() / windowMs);
    const [count, ttl] = (await this.redis.eval(CONSUME, 1, `${key}:${windowId}`, windowMs, cost)) as [number, number];
    return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterMs: Math.max(0, ttl) };
  }
}
