// Dedupe, lock and rate limiter against a real redis-server, with concurrent callers on separate connections
// (as they would be in separate processes).
import { startRedis } from '@xiaoer/dev-services/redis';
import type { RunningService } from '@xiaoer/dev-services/child-process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimOnce, releaseClaim } from '../../src/redis/dedupe.js';
import { globalKey, tenantKey } from '../../src/redis/keys.js';
import { LockBusyError, RedisLock } from '../../src/redis/lock.js';
import { FixedWindowRateLimiter } from '../../src/redis/rate-limiter.js';
import { asMerchantId } from '../../src/tenancy/merchant-id.js';

let server: RunningService;
let clients: Redis[];

beforeAll(async () => {
  server = await startRedis();
  clients = Array.from({ length: 4 }, () => new Redis(server.url));
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit()));
  await server.stop();
});

describe('keys', () => {
  it('prefixes tenant keys with the merchant and keeps global keys apart', () => {
    expect(tenantKey(asMerchantId('m1'), 'dedupe', 'msg-1')).toBe('xe:m:m1:dedupe:msg-1');
    expect(globalKey('rl', 'login', '1.2.3.4')).toBe('xe:g:rl:login:1.2.3.4');
  });
});

describe('claimOnce', () => {
  it('lets exactly one of many concurrent callers claim a key', async () => {
    const key = tenantKey(asMerchantId('m1'), 'dedupe', 'msg-42');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => claimOnce(clients[i % 4]!, key, 60)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await clients[0]!.ttl(key)).toBeGreaterThan(50);
  });

  it('can be released so a failed attempt may be retried', async () => {
    const key = 'xe:test:release';
    expect(await claimOnce(clients[0]!, key, 60)).toBe(true);
    await releaseClaim(clients[0]!, key);
    expect(await claimOnce(clients[1]!, key, 60)).toBe(true);
  });
});

describe('RedisLock', () => {
  it('excludes a second holder until released', async () => {
    const [l1, l2] = [new RedisLock(clients[0]!), new RedisLock(clients[1]!)];
    const held = await l1.tryAcquire('xe:test:lock', 5000);
    expect(held).not.toBeNull();
    expect(await l2.tryAcquire('xe:test:lock', 5000)).toBeNull();
    expect(await held!.release()).toBe(true);
    expect(await l2.tryAcquire('xe:test:lock', 5000)).not.toBeNull();
  });

  it('never releases or extends a lock that expired and was taken by someone else', async () => {
    const [l1, l2] = [new RedisLock(clients[0]!), new RedisLock(clients[1]!)];
    const stale = await l1.tryAcquire('xe:test:expiring', 50);
    await new Promise((r) => setTimeout(r, 80));
    const fresh = await l2.tryAcquire('xe:test:expiring', 5000);
    expect(fresh).not.toBeNull();
    expect(await stale!.release()).toBe(false);
    expect(await stale!.extend(5000)).toBe(false);
    expect(await clients[2]!.get('xe:test:expiring')).toBe(fresh!.token);
  });

  it('serialises withLock critical sections across clients and releases after errors', async () => {
    let inside = 0;
    let maxInside = 0;
    const run = (i: number) =>
      new RedisLock(clients[i % 4]!).withLock('xe:test:section', { ttlMs: 2000, waitMs: 5000 }, async () => {
        maxInside = Math.max(maxInside, ++inside);
        await new Promise((r) => setTimeout(r, 10));
        inside--;
        if (i === 3) throw new Error('boom');
      });
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => run(i)));
    expect(maxInside).toBe(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(await clients[0]!.exists('xe:test:section')).toBe(0);
  });

  it('gives up with LockBusyError when the wait runs out', async () => {
    await new RedisLock(clients[0]!).tryAcquire('xe:test:busy', 5000);
    await expect(
      new RedisLock(clients[1]!).withLock('xe:test:busy', { ttlMs: 1000, waitMs: 100 }, async () => 1),
    ).rejects.toBeInstanceOf(LockBusyError);
  });
});

describe('FixedWindowRateLimiter', () => {
  it('allows exactly the limit within a window across clients, then refuses with a retry time', async () => {
    const decisions = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        new FixedWindowRateLimiter(clients[i % 4]!).consume('xe:test:rl', 10, 60_000),
      ),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    const refused = decisions.find((d) => !d.allowed)!;
    expect(refused.remaining).toBe(0);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('opens a new window after the old one ends', async () => {
    const limiter = new FixedWindowRateLimiter(clients[0]!);
    expect((await limiter.consume('xe:test:rl2', 1, 100)).allowed).toBe(true);
    expect((await limiter.consume('xe:test:rl2', 1, 100)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 120));
    expect((await limiter.consume('xe:test:rl2', 1, 100)).allowed).toBe(true);
  });
});
