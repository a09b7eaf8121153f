// Boots one process in its role: `api` serves HTTP, `worker` runs jobs, `all` does both (the single-machine default).
// Several api and worker processes can run against the same MongoDB and Redis: nothing here keeps shared state
// in memory.
import http from 'node:http';
import type { Container } from '../app/container.js';
import { openContainer } from './open-container.js';
import type { Config, ProcessRole } from '../config/env.js';
import { createApp } from '../http/app.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import type { JobRuntime } from '../jobs/job-runtime.js';
import type { Logger } from '../logging/logger.js';

export interface RunningProcess {
  container: Container;
  /** the bound HTTP address when the role serves HTTP */
  url?: string;
  jobs?: JobRuntime;
  /** drains HTTP, stops jobs, closes Mongo and Redis; safe to call twice */
  stop(): Promise<void>;
}

export async function startProcess(
  config: Config,
  role: ProcessRole,
  logger: Logger,
  options: { extraJobs?: JobDefinition[] } = {},
): Promise<RunningProcess> {
  const container = await openContainer(config, logger);
  const { mongo, redis } = container;

  let draining = false;
  let server: http.Server | undefined;
  let url: string | undefined;
  if (role !== 'worker') {
    const app = createApp(container, { isDraining: () => draining, publicUrl: () => config.http.publicUrl ?? url! });
    server = http.createServer(app.callback());
    server.requestTimeout = config.http.requestTimeoutMs + 5000;
    server.headersTimeout = 20_000;
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(config.http.port, config.http.host, resolve);
    });
    const { port } = server.address() as { port: number };
    const host = ['0.0.0.0', '::'].includes(config.http.host) ? '127.0.0.1' : config.http.host;
    url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  let jobs: JobRuntime | undefined;
  if (role !== 'api') {
    jobs = container.jobs;
    await jobs.start([...container.jobDefinitions, ...(options.extraJobs ?? [])]);
    container.wecom.inboxProcessor.start();
    await container.wecom.inboxSignal.listen((news) => container.wecom.inboxProcessor.wake(news));
  }
  logger.info({ role, url }, 'process started');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      draining = true;
      logger.info({ role }, 'shutting down');
      if (server) await closeServer(server, config.shutdownTimeoutMs);
      if (jobs) {
        await container.wecom.inboxSignal.close();
        await container.wecom.inboxProcessor.stop();
      }
      await jobs?.stop();
      await mongo.close();
      await redis.quit().catch(() => redis.disconnect());
      logger.info('shut down cleanly');
    })());

  return { container, url, jobs, stop };
}

/** Stops accepting, lets in-flight requests finish, and cuts idle keep-alive and overdue connections. */
function closeServer(server: http.Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
