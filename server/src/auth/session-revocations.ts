// Ends a member's sessions before their tokens run out (WeCom removed them; the owner changed their role): the time
// of the revocation is kept in Redis for as long as a token lives, and `authenticate` refuses tokens issued before
// it. One Redis read per request; while Redis cannot answer, tokens are accepted as before (their short life still
// bounds them) rather than taking every signed-in member offline.
import type { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';
import { tenantKey } from '../redis/keys.js';
import type { MerchantId } from '../tenancy/merchant-id.js';
import type { Session } from './session.js';

const key = (merchantId: MerchantId, staffId: string) => tenantKey(merchantId, 'staff', staffId, 'sessions-ended');

export class SessionRevocations {
  constructor(
    private redis: Redis,
    private ttlSeconds: number,
    private logger: Logger,
  ) {}

  /** Every session of this member issued before now stops working. */
  async endAll(merchantId: MerchantId, staffId: string, now = Date.now()): Promise<void> {
    await this.redis.set(key(merchantId, staffId), String(now), 'EX', this.ttlSeconds + 60);
  }

  async isEnded(session: Session): Promise<boolean> {
    try {
      const endedAt = await this.redis.get(key(session.merchantId, session.staffId));
      return endedAt !== null && (session.issuedAt ?? 0) < Number(endedAt);
    } catch (err) {
      this.logger.error({ err }, 'session revocation check failed; token accepted');
      return false;
    }
  }
}
