// Conformance: Agenda 6 scheduling and its findOneAndUpdate-based locking, with two workers on one minimongod.
import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda } from 'agenda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiniMongo } from '../src/minimongod/server.js';

const server = new MiniMongo();
let uri: string;

const makeAgenda = () =>
  new Agenda({ backend: new MongoBackend({ address: uri }), processEvery: 100, defaultLockLifetime: 10_000 });

beforeAll(async () => {
  uri = (await server.listen(0)).uri('agenda');
});
afterAll(() => server.close());

const waitUntil = async (predicate: () => boolean, timeoutMs = 8000) => {
  const deadline = Date.now() + timeoutMs;
  while (!predicate() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
};

describe('minimongod with Agenda', () => {
  it('runs each of 30 queued jobs exactly once across two workers', async () => {
    const runs: string[] = [];
    const workers = [makeAgenda(), makeAgenda()];
    workers.forEach((agenda, i) =>
      agenda.define('task', async (job) => void runs.push(`${(job.attrs.data as { n: number }).n}@${i}`)),
    );
    await Promise.all(workers.map((w) => w.start()));
    for (let n = 0; n < 30; n++) await workers[0]!.now('task', { n });
    await waitUntil(() => runs.length >= 30);
    await new Promise((r) => setTimeout(r, 400)); // a duplicate run would show up here
    await Promise.all(workers.map((w) => w.stop()));
    const ids = runs.map((r) => r.split('@')[0]);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  it('does not double-run a shared recurring job', async () => {
    let runs = 0;
    const workers = [makeAgenda(), makeAgenda()];
    workers.forEach((agenda) => agenda.define('tick', async () => void runs++));
    await Promise.all(workers.map((w) => w.start()));
    await workers[0]!.every('1 second', 'tick');
    await workers[1]!.every('1 second', 'tick');
    await new Promise((r) => setTimeout(r, 3500));
    await Promise.all(workers.map((w) => w.stop()));
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(5);
  });
});
