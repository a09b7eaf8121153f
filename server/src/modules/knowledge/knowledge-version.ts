// The version of a merchant's knowledge snapshot (the merchant's settings, shops, menu, FAQ, policies and the LLM
// settings the engine is built from). Every process keeps its own copy of the snapshot and checks this version before
// using it. The repositories that write what the snapshot holds bump it themselves, so no caller can forget to.
import type { Redis } from 'ioredis';
import { tenantKey } from '../../redis/keys.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';

export class KnowledgeVersion {
  /** this process's own bumps: seen here at once even while Redis cannot be reached */
  private local = new Map<string, number>();

  constructor(private redis: Redis) {}

  private key = (merchantId: MerchantId) => tenantKey(merchantId, 'knowledge', 'version');

  /** Called after every write to the snapshot's data, so all processes rebuild their copy. */
  async bump(merchantId: MerchantId): Promise<void> {
    this.local.set(merchantId, (this.local.get(merchantId) ?? 0) + 1);
    await this.redis.incr(this.key(merchantId)).catch(() => undefined);
  }

  /** Changes whenever any process bumped (through Redis) or this one did. */
  async current(merchantId: MerchantId): Promise<string> {
    const shared = (await this.redis.get(this.key(merchantId)).catch(() => null)) ?? '0';
    return `${shared}.${this.local.get(merchantId) ?? 0}`;
  }
}
