// The stand-in delivers callbacks like WeCom: a receiver slower than the timeout is dropped and retried, three
// attempts in all; a fast success is delivered once.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverCallback } from '../src/wecom-standin/callback-sender.js';

const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => (s.closeAllConnections(), s.close())));

async function receiver(delays: number[]) {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push(body);
      setTimeout(() => res.end('success'), delays[seen.length - 1] ?? 0);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/cb`, seen };
}

const corpFor = (url: string) => ({
  corpId: 'wwx',
  apps: [],
  callback: { url, token: 't', encodingAesKey: 'a'.repeat(43) },
});

describe('deliverCallback', () => {
  it('retries a receiver slower than the timeout, with the same signed body, up to three attempts', async () => {
    // a timeout generous enough that a busy machine answers the fast attempt within it
    const r = await receiver([1500, 1500, 0]);
    const attempts = await deliverCallback(corpFor(r.url), 1, { Event: 'x' }, { timeoutMs: 800 });
    expect(attempts.map((a) => a.error ?? a.body)).toEqual(['timeout', 'timeout', 'success']);
    expect(new Set(r.seen).size).toBe(1);
    expect(r.seen).toHaveLength(3);
  });

  it('gives up after three failed attempts and delivers a fast success once', async () => {
    const slow = await receiver([300, 300, 300]);
    expect(
      (await deliverCallback(corpFor(slow.url), 1, { Event: 'x' }, { timeoutMs: 100 })).every(
        (a) => a.error === 'timeout',
      ),
    ).toBe(true);
    const fast = await receiver([0]);
    expect(await deliverCallback(corpFor(fast.url), 1, { Event: 'x' })).toEqual([
      expect.objectContaining({ status: 200, body: 'success' }),
    ]);
    expect(fast.seen).toHaveLength(1);
  });
});
