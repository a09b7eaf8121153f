import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda } from 'agenda';
import type { Connection } from 'mongoose';
import { runWithLogContext, type Logger } from '../logging/logger.js';
import type { JobDefinition } from './job-definition.js';

/**
 * Agenda in the worker role. It polls (processEvery) because change-stream notification needs a replica set
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

  define(definition: JobDefinition): void {
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
      { concurrency: definition.concurrency ?? 5, lockLifetime: definition.lockLifetime },
    );
  }

  async start(definitions: JobDefinition[]): Promise<void> {
    for (const d of definitions) this.define(d);
    await this.agenda.start();
    for (const d of definitions) if (d.every) await this.agenda.every(d.every, d.name);
  }

  /** Stops taking jobs and unlocks the ones this worker held, so another worker resumes them at once. */
  async stop(): Promise<void> {
    await this.agenda.stop();
  }
}
