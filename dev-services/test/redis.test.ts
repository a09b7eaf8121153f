// The Redis harness: a stopped server can be started again on the same port, empty (nothing is saved to disk).
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/child-process.js';
import { freePort } from '../src/free-port.js';
import { startRedis } from '../src/redis.js';

/** One inline command over a fresh connection; resolves with the first reply line. */
function command(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${line}\r\n`));
    socket.once('data', (d) => (socket.destroy(), resolve(d.toString().split('\r\n')[0]!)));
    socket.once('error', reject);
  });
}

let running: RunningService | undefined;
afterEach(async () => running?.stop());

describe('startRedis', () => {
  it('restarts on the port it was given, with the keys of the previous run gone', async () => {
    const port = await freePort();
    running = await startRedis(port);
    expect(running.url).toBe(`redis://127.0.0.1:${port}`);
    expect(await command(port, 'SET soak 1')).toBe('+OK');
    await running.stop();
    await expect(command(port, 'PING')).rejects.toThrow();
    running = await startRedis(port);
    expect(await command(port, 'GET soak')).toBe('$-1');
  });

  it('picks a free port when none is given', async () => {
    running = await startRedis();
    const port = Number(new URL(running.url).port);
    expect(await command(port, 'PING')).toBe('+PONG');
  });
});
