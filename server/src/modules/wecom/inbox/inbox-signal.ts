// "A WeCom event is waiting": intake publishes on Redis, every worker subscribes and wakes its inbox processor, so
// a customer's message is handled in milliseconds rather than at the next poll. Best effort by design: when Redis
// is down nothing is lost — the workers' polling picks the event up.
import type { Redis } from 'ioredis';
import type { Logger } from '../../../logging/logger.js';
import { globalKey } from '../../../redis/keys.js';

const CHANNEL = globalKey('inbox', 'new');

export class InboxSignal {
  private subscriber?: Redis;

  constructor(
    private redis: Redis,
    private logger: Logger,
  ) {}

  announce(): void {
    this.redis.publish(CHANNEL, '1').catch(() => undefined);
  }

  /** Worker role: calls `onEvent` for every announcement, on a dedicated connection (subscribers cannot send commands). */
  async listen(onEvent: () => void): Promise<void> {
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('error', (err) => this.logger.warn({ err: err.message }, 'inbox signal connection error'));
    this.subscriber.on('message', () => onEvent());
    await this.subscriber.subscribe(CHANNEL).catch((err: Error) => this.logger.warn({ err: err.message }, 'inbox signal unavailable; polling only'));
  }

  async close(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
