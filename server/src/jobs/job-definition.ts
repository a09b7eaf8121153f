import type { Job } from 'agenda';

/**
 * A job kind. Jobs carry ids only (never documents), reload what they need and exit early when the work is no
 * longer due, so a retry or a duplicate run after a crash is harmless.
 */
export interface JobDefinition<TData extends Record<string, unknown> = Record<string, unknown>> {
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
