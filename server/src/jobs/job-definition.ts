import type { Job } from 'agenda';

/** What a job carries: ids and small values only, never documents (jobs reload what they need). */
export type JobPayload = Record<string, unknown>;

/**
 * A job kind's name tied to its payload type: `enqueue(kind, data)` and the kind's handler share one `T`, so a
 * caller cannot queue a wrong shape. Recurring jobs that take no payload use `JobKind<Record<string, never>>`.
 */
export interface JobKind<T extends JobPayload> {
  readonly name: string;
  /** phantom: carries T for the type checker only */
  readonly payload?: T;
}

export const jobKind = <T extends JobPayload>(name: string): JobKind<T> => ({ name });

/**
 * A job kind. Jobs carry ids only (never documents), reload what they need and exit early when the work is no
 * longer due, so a retry or a duplicate run after a crash is harmless.
 */
export interface JobDefinition<TData extends JobPayload = JobPayload> {
  name: string;
  handler: (job: Job<TData>) => Promise<void>;
  /** a recurring schedule (human interval or cron); a shared single Agenda document, so one worker runs each tick */
  every?: string;
  concurrency?: number;
  /** how long a worker may hold the job before another may take it over (ms) */
  lockLifetime?: number;
  /** retries after a failure (exponential backoff from retryDelayMs); default 6 from 2 s */
  maxRetries?: number;
  retryDelayMs?: number;
}

/** Defines the handler (and limits) of a job kind; the payload type comes from the kind. */
export const defineJob = <T extends JobPayload>(
  kind: JobKind<T>,
  spec: Omit<JobDefinition<T>, 'name'>,
): JobDefinition<T> => ({ name: kind.name, ...spec });

/** Any job kind's definition, as the worker registers them (the payload type stays with each kind). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a heterogeneous list; each entry was checked by defineJob
export type AnyJobDefinition = JobDefinition<any>;
