// A worker for the pool's tests: answers with its thread id, or spins past the deadline, or grows past its heap
// limit, as each job says.
import { threadId } from 'node:worker_threads';
import { serveJobs } from '../../src/process/bounded-worker.js';

serveJobs<'answer' | 'spin' | 'grow', { threadId: number }>(async (job) => {
  if (job === 'spin') for (;;);
  if (job === 'grow') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(100_000).fill(hoard.length));
  }
  return { threadId };
});
