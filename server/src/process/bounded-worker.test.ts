import { describe, expect, it } from 'vitest';
import { BoundedWorkerPool, WorkerLimitError, type WorkerPoolLimits } from './bounded-worker.js';

const ENTRY = new URL('../../test/support/misbehaving.worker.ts', import.meta.url);
type Job = 'answer' | 'spin' | 'grow';
const DEFAULTS: WorkerPoolLimits = {
  size: 1,
  timeoutMs: 10_000,
  startupTimeoutMs: 60_000,
  maxOldGenerationSizeMb: 64,
  idleMs: 60_000,
};
const pool = (limits: Partial<WorkerPoolLimits> = {}) =>
  new BoundedWorkerPool<Job, { threadId: number }>(ENTRY, { ...DEFAULTS, ...limits });
/** How a job ended: 'answered', or the WorkerLimitError's reason. */
const ending = (job: Promise<unknown> | undefined) =>
  job!.then(
    () => 'answered',
    (err: unknown) => (err instanceof WorkerLimitError ? err.reason : String(err)),
  );

describe('bounded worker pool', () => {
  it('runs at most `size` jobs at once, in workers kept warm between jobs', async () => {
    const workers = pool({ size: 2 });
    const first = workers.tryRun('answer');
    const second = workers.tryRun('answer');
    expect(workers.tryRun('answer')).toBeUndefined();
    const ids = (await Promise.all([first!, second!])).map((a) => a.threadId);
    expect(new Set(ids).size).toBe(2);
    expect(ids).toContain((await workers.tryRun('answer')!).threadId);
  }, 60_000);

  it('ends a job past its deadline by terminating its worker; the next job gets a new one', async () => {
    const workers = pool({ timeoutMs: 2000 });
    const { threadId } = await workers.tryRun('answer')!;
    expect(await ending(workers.tryRun('spin'))).toBe('timeout');
    expect((await workers.tryRun('answer')!).threadId).not.toBe(threadId);
  }, 60_000);

  it('ends a job past the heap limit with its worker only', async () => {
    const workers = pool({ maxOldGenerationSizeMb: 32 });
    expect(await ending(workers.tryRun('grow'))).toBe('memory');
    expect(await workers.tryRun('answer')).toEqual({ threadId: expect.any(Number) });
  }, 60_000);

  it('lets an idle worker go', async () => {
    const workers = pool({ idleMs: 50 });
    const { threadId } = await workers.tryRun('answer')!;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await workers.tryRun('answer')!).threadId).not.toBe(threadId);
  }, 60_000);
});
