import type { Job } from 'agenda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('health', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'api' });
  });
  afterAll(() => app.close());

  it('reports the process up and ready when Mongo and Redis answer', async () => {
    expect((await app.request('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { mongo: 'ok', redis: 'ok' } });
  });

  it('goes not-ready, naming Redis, when Redis is gone, while /healthz stays up', async () => {
    await app.container.redis.disconnect();
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'unavailable', checks: { mongo: 'ok', redis: 'down' } });
    expect((await app.request('/healthz')).status).toBe(200);
    await app.container.redis.connect();
    expect((await app.request('/readyz')).status).toBe(200);
  });
});

describe('worker role', () => {
  let app: TestApp;
  const seen: string[] = [];
  beforeAll(async () => {
    app = await startTestApp({
      role: 'worker',
      jobs: [
        { name: 'test.record', handler: async (job: Job) => void seen.push((job.attrs.data as { id: string }).id) },
      ],
    });
  });
  afterAll(() => app.close());

  it('serves no HTTP and runs queued jobs through Agenda on MongoDB', async () => {
    expect(app.url).toBe('');
    await app.jobs!.agenda.now('test.record', { id: 'a1' });
    const deadline = Date.now() + 5000;
    while (!seen.includes('a1') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual(['a1']);
    const { jobs: stored } = await app.jobs!.agenda.queryJobs({ name: 'test.record' });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.lastFinishedAt).toBeInstanceOf(Date);
  });
});
