// Works through the inbox in the worker role: claims due lane heads (per-customer order, merchants
// taking turns, new contacts with a head start), runs the handler for the event's kind, and retries failures with backoff. A handler must be idempotent: after a crash the
// event is taken over when its lease runs out and handled again from the steps it had not yet recorded.
import { hostname } from 'node:os';
import type { Logger } from '../../../logging/logger.js';
import { runWithLogContext } from '../../../logging/logger.js';
import type { WecomAppRepository, WecomCredentials } from '../wecom-app.repository.js';
import type { InboxNews } from './inbox-signal.js';
import type { InboxEventRecord, InboxRepository } from './inbox.repository.js';

export interface InboxContext {
  event: InboxEventRecord;
  app: WecomCredentials;
  /** runs a step once per event: skipped on a retry when it already completed */
  once<T>(step: string, run: () => Promise<T>): Promise<T>;
  /**
   * Declares that this handling also answers the events queued behind it in its lane now (one sync answers every
   * "sync now" notice that arrived before it started): they are completed with this event if it succeeds. Call it
   * before the work that answers them starts.
   */
  coverQueued(): Promise<void>;
}

/** What a handling did, when worth keeping on the event for support (e.g. { skipped: 'superseded' }). */
export type InboxOutcome = Record<string, string | number | boolean>;

export type InboxHandler = (ctx: InboxContext) => Promise<void | InboxOutcome>;

export interface InboxProcessorOptions {
  pollMs: number;
  concurrency: number;
  leaseMs: number;
  maxAttempts: number;
}

const backoffMs = (attempt: number) => Math.min(10 * 60_000, 1000 * 2 ** attempt);

export class InboxProcessor {
  private readonly owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private timer?: NodeJS.Timeout;
  private runners = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private inbox: InboxRepository,
    private apps: WecomAppRepository,
    private handlers: Record<string, InboxHandler>,
    private logger: Logger,
    private options: InboxProcessorOptions,
  ) {}

  /**
   * Polls every pollMs, and wakes at once when intake announces a new event (Redis pub/sub; polling stays the
   * fallback). A wake-up starts one runner; a runner that finds work starts another before handling it, so runners grow
   * to `concurrency` only while there is work, and an idle wake-up costs one claim query, not one per runner.
   */
  start(): void {
    this.stopped = false;
    const tick = () => {
      this.wake('fresh'); // polling is also the fallback for announcements lost (Redis down)
      if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs);
    };
    tick();
  }

  /** A new event was stored (or may be due): start a runner if there is room. 'fresh': intake stored some to admit. */
  wake(news?: InboxNews): void {
    if (news === 'fresh') this.inbox.requestAdmission();
    if (this.stopped || this.runners.size >= this.options.concurrency) return;
    const runner: Promise<void> = this.loop().finally(() => this.runners.delete(runner));
    this.runners.add(runner);
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped && (await this.processOne(() => this.wake()))) {
        // next event
      }
    } catch (err) {
      this.logger.error({ err }, 'inbox runner failed');
    }
  }

  /** Stops claiming and waits for the events in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.runners]);
  }

  /** Processes until nothing is due (tests and the demo use it to see effects at once). */
  async drain(): Promise<void> {
    this.inbox.lookForAbandonedNext();
    const runner = async () => {
      while (await this.processOne()) {
        // next event
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, runner));
  }

  /** Claims and handles one event; false when nothing was due. `claimed` runs as soon as an event is taken. */
  async processOne(claimed?: () => void): Promise<boolean> {
    const event = await this.inbox.claimNext(this.owner, this.options.leaseMs);
    if (!event) return false;
    claimed?.();
    await runWithLogContext({ jobName: `inbox:${event.kind}`, merchantId: String(event.merchantId) }, () =>
      this.handle(event),
    );
    return true;
  }

  private async handle(event: InboxEventRecord): Promise<void> {
    // The lease is short (a dead worker's events are taken over within seconds: a welcome code lives 20 s) and is
    // renewed while the handling runs, so a slow one (an LLM call) keeps its event.
    const renew = setInterval(() => {
      this.inbox
        .renewLease(event._id, this.owner, this.options.leaseMs)
        .catch((err: Error) => this.logger.warn({ err: err.message }, 'inbox lease not renewed'));
    }, this.options.leaseMs / 3);
    renew.unref();
    try {
      await this.run(event);
    } finally {
      clearInterval(renew);
    }
  }

  private async run(event: InboxEventRecord): Promise<void> {
    const handler = this.handlers[event.kind];
    let covered = false;
    let outcome: InboxOutcome | undefined;
    try {
      if (handler) {
        const app = await this.apps.findByCorpId(event.corpId);
        if (!app) throw new Error(`no WeCom app for corp ${event.corpId}`);
        const steps = { ...(event.result ?? {}) };
        outcome =
          (await handler({
            event,
            app,
            once: async (step, run) => {
              if (step in steps) return steps[step] as never;
              const value = await run();
              await this.inbox.recordStep(event._id, this.owner, step, value ?? null);
              steps[step] = value;
              return value;
            },
            coverQueued: async () => {
              covered = (await this.inbox.coverQueued(event)) || covered;
            },
          })) ?? undefined;
      } else {
        this.logger.info({ kind: event.kind }, 'wecom event kind not handled: stored and acknowledged');
      }
      await this.inbox.complete(event, this.owner, { outcome, covered });
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      if (event.attempts >= this.options.maxAttempts) {
        this.logger.error({ err, attempts: event.attempts }, 'inbox event failed for good');
        await this.inbox.giveUp(event, this.owner, message);
      } else {
        this.logger.warn({ err: message, attempts: event.attempts }, 'inbox event failed, will retry');
        await this.inbox.retryLater(event, this.owner, message, new Date(Date.now() + backoffMs(event.attempts)));
      }
    }
  }
}
