// CPU- or memory-heavy work on untrusted input (a spreadsheet upload) runs in worker threads, so the event loop keeps
// serving /readyz, merchants and WeCom callbacks meanwhile. Each worker's heap is capped and a job past its deadline
// gets its worker terminated; either ends that job with a WorkerLimitError, never the process. Workers stay warm
// between jobs (loading a library such as ExcelJS takes longer than most jobs) and leave after a quiet spell.
import { parentPort, Worker } from 'node:worker_threads';

export interface WorkerPoolLimits {
  /** jobs (and workers) at once; one more is turned away rather than queued */
  size: number;
  /** wall-clock time for one job, from handing it to a started worker to its answer */
  timeoutMs: number;
  /**
   * time for a worker to start and load its modules, which no input can lengthen: generous, as loading a big
   * library takes seconds on a busy machine, where a tight bound would fail good jobs
   */
  startupTimeoutMs: number;
  /** each worker's V8 old-generation heap; past it that worker (only) dies */
  maxOldGenerationSizeMb: number;
  /** an idle worker is ended after this long */
  idleMs: number;
}

export class WorkerLimitError extends Error {
  constructor(
    readonly reason: 'timeout' | 'memory' | 'failed',
    options?: { cause?: unknown },
  ) {
    super(`worker ${reason}`, options);
  }
}

/** What a worker posts once it has loaded what it needs. */
const WORKER_READY = 'ready';

/** The worker side: load what the jobs need first (top-level imports), then call this with the job's handler. */
export function serveJobs<In, Out>(handle: (input: In) => Promise<Out>): void {
  const port = parentPort!;
  port.on('message', (input: In) => void handle(input).then((out) => port.postMessage(out)));
  port.postMessage(WORKER_READY);
}

/** A TypeScript entry is started through ts-worker.mjs, which gives the thread tsx's loader. */
const BOOTSTRAP = new URL('./ts-worker.mjs', import.meta.url);

type Pending = { resolve(value: unknown): void; reject(err: WorkerLimitError): void };

/** One worker thread running one job at a time. */
class PooledWorker {
  private readonly thread: Worker;
  private readonly ready: Promise<unknown>;
  private pending?: Pending;
  private idleTimer?: NodeJS.Timeout;
  dead = false;

  constructor(
    entry: URL,
    private readonly limits: WorkerPoolLimits,
  ) {
    this.thread = new Worker(BOOTSTRAP, {
      workerData: { entry: entry.href },
      // Not the parent's flags (tsx's or vitest's loaders): the bootstrap sets up what the worker needs.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
    });
    this.thread.unref();
    // Not starting in time is the machine's trouble, not the input's: 'failed', not 'timeout'.
    this.ready = this.answer(limits.startupTimeoutMs, 'failed');
    this.ready.catch(() => {});
    this.thread.on('message', (message: unknown) => this.settle((p) => p.resolve(message)));
    this.thread.on('error', (err: Error & { code?: string }) =>
      this.end(new WorkerLimitError(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'failed', { cause: err })),
    );
    this.thread.on('exit', (code) => {
      this.end(new WorkerLimitError('failed', { cause: new Error(`worker exited with ${code}`) }));
    });
  }

  async run(input: unknown): Promise<unknown> {
    clearTimeout(this.idleTimer);
    await this.ready;
    const answer = this.answer(this.limits.timeoutMs, 'timeout');
    this.thread.postMessage(input);
    return answer;
  }

  /** Back in the pool: ended after `idleMs` unless taken again. */
  rest(onEnd: () => void): void {
    this.idleTimer = setTimeout(() => {
      onEnd();
      this.end(new WorkerLimitError('failed', { cause: new Error('idle') }));
    }, this.limits.idleMs).unref();
  }

  /** The next message, or the worker terminated and `reason` once `ms` pass without one. */
  private answer(ms: number, reason: WorkerLimitError['reason']): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const late = () => this.end(new WorkerLimitError(reason, { cause: new Error(`no answer within ${ms} ms`) }));
      const timer = setTimeout(late, ms);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        settle();
      };
      this.pending = { resolve: (value) => done(() => resolve(value)), reject: (err) => done(() => reject(err)) };
    });
  }

  private settle(outcome: (pending: Pending) => void): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) outcome(pending);
  }

  private end(err: WorkerLimitError): void {
    this.dead = true;
    clearTimeout(this.idleTimer);
    this.settle((p) => p.reject(err));
    void this.thread.terminate();
  }
}

/** Runs jobs in up to `size` warm workers started from `entry` (a module that calls serveJobs). */
export class BoundedWorkerPool<In, Out> {
  private readonly idle: PooledWorker[] = [];
  private running = 0;

  constructor(
    private readonly entry: URL,
    private readonly limits: WorkerPoolLimits,
  ) {}

  /** The job's answer; undefined at once when `size` jobs are already running, so the caller can say "busy". */
  tryRun(input: In): Promise<Out> | undefined {
    if (this.running >= this.limits.size) return undefined;
    this.running++;
    let worker = this.idle.pop();
    while (worker?.dead) worker = this.idle.pop(); // one that crashed while idle
    worker ??= new PooledWorker(this.entry, this.limits);
    return worker
      .run(input)
      .then((out) => {
        if (!worker.dead) {
          this.idle.push(worker);
          worker.rest(() => this.idle.splice(this.idle.indexOf(worker), 1));
        }
        return out as Out;
      })
      .finally(() => this.running--);
  }
}
