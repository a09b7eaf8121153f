// Rate limits on what makes the AI work (numbers in ai-limits.ts): suggestion requests per staff member and per
// customer (429 beyond), engine runs of the bot per 微信客服 customer. Counted in Redis, shared by every process.
// With Redis unreachable they are not enforced: the LLM is then not called at all (the token budget fails closed),
// and the offline engine's cost is not worth refusing a person for.
import type { Redis } from 'ioredis';
import { AppError } from '../../errors/app-error.js';
import type { Logger } from '../../logging/logger.js';
import { claimOnce } from '../../redis/dedupe.js';
import { tenantKey } from '../../redis/keys.js';
import { FixedWindowRateLimiter } from '../../redis/rate-limiter.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { BOT_LIMIT, SUGGESTION_LIMITS } from './ai-limits.js';

/** The bot's turn for a customer message: run an engine; or, past the limit, say once that a person will answer. */
export type BotTurn = 'engine' | 'notice' | 'silent';

export class AiRateLimits {
  private limiter: FixedWindowRateLimiter;

  constructor(
    private redis: Redis,
    private logger: Logger,
  ) {
    this.limiter = new FixedWindowRateLimiter(redis);
  }

  /** Throws 429 when this staff member, or anyone on this customer, has asked for drafts too often. */
  async suggestion(merchantId: MerchantId, staffId: string, customerId: string): Promise<void> {
    if (!(await this.allowed(tenantKey(merchantId, 'rl', 'suggest', 'staff', staffId), SUGGESTION_LIMITS.perStaff))) {
      throw new AppError('rate_limited', { message: '生成建议太频繁了，请稍等一分钟再试' });
    }
    if (
      !(await this.allowed(
        tenantKey(merchantId, 'rl', 'suggest', 'customer', customerId),
        SUGGESTION_LIMITS.perCustomer,
      ))
    ) {
      throw new AppError('rate_limited', { message: '这位客户的建议刚生成了很多次，请稍等一分钟再试' });
    }
  }

  /**
   * Whether the bot may run an engine for this 微信客服 customer now (counting the run); past the limit, 'notice' for
   * the first message of the window (the bot says a person will answer) and 'silent' for the rest.
   */
  async botTurn(merchantId: MerchantId, externalUserId: string): Promise<BotTurn> {
    const { windowMs } = BOT_LIMIT.perCustomer;
    if (await this.allowed(tenantKey(merchantId, 'rl', 'bot', externalUserId), BOT_LIMIT.perCustomer)) return 'engine';
    const window = Math.floor(Date.now() / windowMs); // the limiter's own fixed window
    const key = tenantKey(merchantId, 'rl', 'bot-notice', externalUserId, window);
    return (await claimOnce(this.redis, key, Math.ceil(windowMs / 1000)).catch(() => false)) ? 'notice' : 'silent';
  }

  private async allowed(key: string, rule: { limit: number; windowMs: number }): Promise<boolean> {
    try {
      return (await this.limiter.consume(key, rule.limit, rule.windowMs)).allowed;
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message },
        'ai rate limit unavailable: not enforced (the LLM budget fails closed)',
      );
      return true;
    }
  }
}
