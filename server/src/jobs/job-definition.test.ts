import { describe, expect, it } from 'vitest';
import { defineJob, jobKind, type JobKind, type JobPayload } from './job-definition.js';

// A stand-in for JobRuntime.enqueue's signature: the payload type comes from the kind.
const queued: { name: string; data: unknown }[] = [];
const enqueue = <T extends JobPayload>(kind: JobKind<T>, data: T) => void queued.push({ name: kind.name, data });

describe('typed job kinds', () => {
  const SYNC = jobKind<{ merchantId: string }>('test.sync');

  it('names the job by its kind and types the handler payload', async () => {
    let seen = '';
    const job = defineJob(SYNC, { handler: async (j) => void (seen = j.attrs.data.merchantId) });
    expect(job.name).toBe('test.sync');
    await job.handler({ attrs: { data: { merchantId: 'm1' } } } as Parameters<typeof job.handler>[0]);
    expect(seen).toBe('m1');
  });

  it('refuses a wrong payload shape at compile time', () => {
    enqueue(SYNC, { merchantId: 'm1' });
    // @ts-expect-error the kind carries merchantId, not customerId
    enqueue(SYNC, { customerId: 'c1' });
    // @ts-expect-error a bare name is not a kind
    enqueue('test.sync', { merchantId: 'm1' });
    expect(queued.map((q) => q.name)).toEqual(['test.sync', 'test.sync', undefined]);
  });
});
