// The 代开发 template's suite_ticket: WeCom pushes a new one every 10 minutes (valid 30) and wants the newest used.
// Kept in Redis, sealed, shared by every process; a push older than the one stored (retries and pushes can cross)
// never replaces a newer one. Lost with Redis, it comes back with the next push.
import type { Redis } from 'ioredis';
import type { SecretBox } from '../../../crypto/secret-box.js';
import { globalKey } from '../../../redis/keys.js';

const TICKET_TTL_SECONDS = 30 * 60;

// latest wins: HSET only when the stored push is not newer (compared by WeCom's TimeStamp)
const SAVE_NEWEST = `
local stored = redis.call('HGET', KEYS[1], 'ts')
if stored and tonumber(stored) > tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'ticket', ARGV[1], 'ts', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1`;

export class SuiteTicketStore {
  constructor(
    private redis: Redis,
    private secrets: SecretBox,
    private suiteId: string,
  ) {}

  private get key() {
    return globalKey('wecom', 'suite', this.suiteId, 'ticket');
  }

  /** True when stored, false when a newer ticket was already there. */
  async save(ticket: string, sentAtSeconds: number): Promise<boolean> {
    const saved = await this.redis.eval(
      SAVE_NEWEST,
      1,
      this.key,
      this.secrets.seal(ticket),
      String(sentAtSeconds),
      String(TICKET_TTL_SECONDS),
    );
    return saved === 1;
  }

  async current(): Promise<{ ticket: string; sentAt: Date } | null> {
    const stored = await this.redis.hgetall(this.key);
    if (!stored.ticket || !stored.ts) return null;
    return { ticket: this.secrets.open(stored.ticket), sentAt: new Date(Number(stored.ts) * 1000) };
  }
}
