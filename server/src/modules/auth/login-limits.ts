// The login endpoints are public, so attempts are limited: per client address for every login call, and per WeChat
// user for invite-code guesses with a mini-program bind ticket. The counters live in Redis so every API process
// shares them. When Redis cannot answer, login is refused with a 503 (and an error logged) rather than left open
// without a limit: a per-process fallback would multiply the limit by the number of processes and hide the outage.
import { createHash } from 'node:crypto';
import type { Middleware } from 'koa';
import { AppError } from '../../errors/app-error.js';
import type { Logger } from '../../logging/logger.js';
import { globalKey } from '../../redis/keys.js';
import type { FixedWindowRateLimiter, RateDecision } from '../../redis/rate-limiter.js';

export const LOGIN_UNAVAILABLE = '登录暂时不可用，请稍后再试';
/** login calls per client address per minute */
const PER_ADDRESS = { limit: 30, windowMs: 60_000 };
/** invite-code guesses per WeChat user: a bind ticket lives 10 minutes, so this is 5 per ticket, and per user */
const BIND_GUESSES = { limit: 5, windowMs: 10 * 60_000 };
/** password attempts per account (operators): many addresses together still get only these guesses */
const PASSWORD_GUESSES = { limit: 10, windowMs: 10 * 60_000 };

export class LoginLimits {
  constructor(
    private limiter: FixedWindowRateLimiter,
    private logger: Logger,
  ) {}

  perAddress(ip: string): Promise<RateDecision> {
    return this.consume(globalKey('rl', 'login', ip), PER_ADDRESS);
  }

  /** Counts one invite-code attempt of this mini-program user; past the limit, even the right code is refused. */
  async bindAttempt(openId: string): Promise<void> {
    const decision = await this.consume(
      globalKey('rl', 'mp-bind', createHash('sha256').update(openId).digest('hex')),
      BIND_GUESSES,
    );
    if (!decision.allowed) throw new AppError('rate_limited', { message: '邀请码试错次数太多，请 10 分钟后再试' });
  }

  /** Counts one password attempt for this account; past the limit, even the right password is refused. */
  async passwordAttempt(account: string): Promise<void> {
    const decision = await this.consume(
      globalKey('rl', 'password', createHash('sha256').update(account).digest('hex')),
      PASSWORD_GUESSES,
    );
    if (!decision.allowed) throw new AppError('rate_limited', { message: '密码试错次数太多，请 10 分钟后再试' });
  }

  private async consume(key: string, rule: { limit: number; windowMs: number }): Promise<RateDecision> {
    try {
      return await this.limiter.consume(key, rule.limit, rule.windowMs);
    } catch (err) {
      this.logger.error({ err }, 'login limiter unavailable (Redis): refusing logins until it answers');
      throw new AppError('service_unavailable', { message: LOGIN_UNAVAILABLE, reportable: false });
    }
  }
}

/** Login endpoints are public, so each client address gets 30 attempts a minute (503 while Redis is down). */
export function loginRateLimit(limits: LoginLimits): Middleware {
  return async (ctx, next) => {
    const decision = await limits.perAddress(ctx.ip);
    if (!decision.allowed) {
      ctx.set('Retry-After', String(Math.ceil(decision.retryAfterMs / 1000)));
      throw new AppError('rate_limited');
    }
    await next();
  };
}
