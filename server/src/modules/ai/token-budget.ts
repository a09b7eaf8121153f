// Each merchant's daily LLM token budget, shared by every process through Redis. A call reserves its worst case
// (prompt estimate + max output tokens) before it starts, in one Lua script that refuses when the day's settled
// tokens plus the reservations still held plus this one would pass the budget; after the call it settles with what
// it is charged (the provider's reported usage, or an estimate when none came) and its hold goes away. So any number
// of concurrent calls spends at most the budget, as long as the provider counts no more than we reserved.
//
// Holds live in a sorted set scored by their lease's end: a process that dies mid-call stops holding budget after
// LLM_RESERVATION_LEASE_MS instead of shrinking the day for good. The settled count is seeded from the MongoDB usage
// record (the bill, read by reports and the settings page) whenever Redis has lost it, so a Redis restart does not
// hand out a fresh day. With Redis unreachable, nothing is reserved: the caller uses the offline engine (fail closed).
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../../logging/logger.js';
import { tenantKey } from '../../redis/keys.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { LLM_RESERVATION_LEASE_MS } from './ai-limits.js';
import { localTime } from '../clock/business-hours.js';
import type { LlmUsageRepository } from './llm-usage.repository.js';

export interface TokenCharge {
  prompt: number;
  completion: number;
  total: number;
  /** true when the provider reported nothing (a timeout, a cut stream) and this is our estimate */
  estimated?: boolean;
}

export interface Reservation {
  /** Charges the call and frees its hold. Never throws: a failed write is logged (the hold then ends with its lease). */
  settle(charge: TokenCharge): Promise<void>;
}

/** The budget's day (the usage record's day): Shanghai date. */
export const llmDay = (at: Date) => localTime(at, 'Asia/Shanghai').date;

const KEY_TTL_SECONDS = 3 * 86_400;
const NEEDS_SEED = -2;
const REFUSED = -1;

// KEYS: settled (hash, field "used"), holds (zset "<id>:<tokens>" → lease end ms)
// ARGV: budget, estimate, hold id, lease ms, key ttl s, seed ('' = none)
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local used = redis.call('HGET', KEYS[1], 'used')
if not used then
  if ARGV[6] == '' then return ${NEEDS_SEED} end
  redis.call('HSETNX', KEYS[1], 'used', ARGV[6])
  redis.call('EXPIRE', KEYS[1], ARGV[5])
  used = redis.call('HGET', KEYS[1], 'used')
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local held = 0
for _, member in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  held = held + tonumber(string.match(member, ':(%d+)$'))
end
local estimate = tonumber(ARGV[2])
if tonumber(used) + held + estimate > tonumber(ARGV[1]) then return ${REFUSED} end
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[3] .. ':' .. ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[5])
return tonumber(used) + held + estimate`;

// KEYS: settled, holds; ARGV: hold member, tokens charged. A lost ledger is left alone: the next reservation seeds it
// from the usage record, which this call has already been written to.
const SETTLE = `
redis.call('ZREM', KEYS[2], ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HINCRBY', KEYS[1], 'used', ARGV[2]) end
return 1`;

export class TokenBudget {
  constructor(
    private redis: Redis,
    /** one usage increment per call, group-committed: concurrent calls share a round trip */
    private usage: LlmUsageRepository,
    private logger: Logger,
  ) {}

  /** A reservation of `estimate` tokens against today's `budget`, or null when it does not fit (or Redis is down). */
  async reserve(
    merchantId: MerchantId,
    budget: number,
    estimate: number,
    now = new Date(),
  ): Promise<Reservation | null> {
    const day = llmDay(now);
    const keys = [tenantKey(merchantId, 'llm', 'tokens', day), tenantKey(merchantId, 'llm', 'holds', day)];
    const tokens = Math.max(1, Math.ceil(estimate));
    const id = randomUUID();
    const run = (seed: string) =>
      this.redis.eval(
        RESERVE,
        2,
        ...keys,
        budget,
        tokens,
        id,
        LLM_RESERVATION_LEASE_MS,
        KEY_TTL_SECONDS,
        seed,
      ) as Promise<number>;
    try {
      let outcome = await run('');
      if (outcome === NEEDS_SEED) outcome = await run(String(await this.settledToday(merchantId, day)));
      if (outcome < 0) return null;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'llm budget unavailable: no LLM call');
      return null;
    }
    return { settle: (charge) => this.settle(merchantId, day, keys, `${id}:${tokens}`, charge) };
  }

  private async settledToday(merchantId: MerchantId, day: string): Promise<number> {
    return (await this.usage.forDay(merchantId, day))?.totalTokens ?? 0;
  }

  // The usage record first: if Redis lost the ledger meanwhile, its seed already includes this call (counted twice
  // at worst, never missed).
  private async settle(
    merchantId: MerchantId,
    day: string,
    keys: string[],
    member: string,
    charge: TokenCharge,
  ): Promise<void> {
    const total = Math.max(0, Math.ceil(charge.total));
    if (total > 0) {
      const inc = {
        calls: 1,
        promptTokens: charge.prompt,
        completionTokens: charge.completion,
        totalTokens: total,
        ...(charge.estimated ? { estimatedTokens: total } : {}),
      };
      await this.usage
        .add(merchantId, day, inc)
        .catch((err: Error) => this.logger.error({ err: err.message }, 'llm usage not recorded'));
    }
    await this.redis
      .eval(SETTLE, 2, ...keys, member, total)
      .catch((err: Error) =>
        this.logger.warn({ err: err.message }, 'llm reservation not settled: its lease will end it'),
      );
  }
}
