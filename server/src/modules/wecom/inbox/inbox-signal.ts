// "A WeCom event is waiting": intake publishes on Redis, every worker subscribes and wakes its inbox processor, so
// a customer's message is handled in milliseconds rather than at the next poll. Best effort by design: when Redis
// is down nothing is lost — the workers' polling picks the event up.
import type { Redis } from 'ioredis';
import type { Logger } from '../../../logging/logger.js';
import { globalKey } from '../../../redis/keys.js';

const CHANNEL = globalKey('inbox', 'new');

export type InboxNews = 'fresh' | 'due';

export class InboxSignal {
  private subscriber?: Redis;

  constructor(
    private redis: Redis,
    private logger: Logger,
  ) {}

  /** 'fresh': intake stored events for a worker to admit; 'due': a worker's own write made a head claimable. */
  announce(what: InboxNews): void {
    this.redis.publish(CHANNEL, what).catch(() => undefined);
  }

  /** Worker role: calls `onEvent` for every announcement, on a dedicated connection (subscribers cannot send commands). */
  async listen(onEvent: (what: InboxNews) => void): Promise<void> {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('error', (err) => this.logger.warn({ err: err.message }, 'inbox signal connection error'));
    this.subscriber.on('message', (_channel, message: string) => onEvent(message === 'due' ? 'due' : 'fresh'));
    await this.subscriber
      .subscribe(CHANNEL)
      .catch((err: Error) => this.logger.warn({ err: err.message }, 'inbox signal unavailable; polling only'));
  }

  async close(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
