import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda, backoffStrategies } from 'agenda';
import type { Connection } from 'mongoose';
import { runWithLogContext, type Logger } from '../logging/logger.js';
import type { AnyJobDefinition, JobKind, JobPayload } from './job-definition.js';

/**
 * Agenda. Every role can enqueue (an API request hands slow work to the workers); only the worker role starts
 * processing. It polls (processEvery) because change-stream notification needs a replica set
 * everywhere; its job locking is a findOneAndUpdate, so several worker processes share the queue safely.
 */
export class JobRuntime {
  readonly agenda: Agenda;

  constructor(
    mongo: Connection,
    private logger: Logger,
    options: { pollMs: number; name: string },
  ) {
    this.agenda = new Agenda({
      backend: new MongoBackend({ mongo: mongo.db!, collection: 'jobs' }),
      processEvery: options.pollMs,
      name: options.name,
      defaultLockLifetime: 10 * 60_000,
    });
    this.agenda.on('error', (err: Error) => this.logger.error({ err }, 'job runtime error'));
  }

  define(definition: AnyJobDefinition): void {
    this.agenda.define(
      definition.name,
      async (job) =>
        runWithLogContext({ jobName: definition.name }, async () => {
          const started = performance.now();
          try {
            await definition.handler(job as never);
            this.logger.info({ ms: Math.round(performance.now() - started) }, 'job done');
          } catch (err) {
            this.logger.error({ err }, 'job failed');
            throw err;
          }
        }),
      {
        concurrency: definition.concurrency ?? 5,
        lockLifetime: definition.lockLifetime,
        // A failed run is retried with exponential backoff (2 s, 4 s, 8 s ... six times), then left failed.
        backoff: backoffStrategies.exponential({
          delay: definition.retryDelayMs ?? 2000,
          maxRetries: definition.maxRetries ?? 6,
        }),
      },
    );
  }

  /** Queues a job to run as soon as a worker is free. Data carries ids only. */
  async enqueue<T extends JobPayload>(kind: JobKind<T>, data: T): Promise<void> {
    await this.agenda.now(kind.name, data);
  }

  private started = false;

  async start(definitions: AnyJobDefinition[]): Promise<void> {
    this.started = true;
    for (const d of definitions) this.define(d);
    await this.agenda.start();
    for (const d of definitions) if (d.every) await this.agenda.every(d.every, d.name);
  }

  /** Stops taking jobs and unlocks the ones this worker held, so another worker resumes them at once. */
  async stop(): Promise<void> {
    if (this.started) await this.agenda.stop();
  }
}
