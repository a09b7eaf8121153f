// Short-lived signed session tokens (JWT, HS256) carrying merchant, staff and role. They are stateless so any API
// process can verify them; their short life bounds how long a removed staff member keeps access.
import type { StaffRole } from '@xiaoer/common/constants/roles';
import { STAFF_ROLES } from '@xiaoer/common/constants/roles';
import { AppError } from '../errors/app-error.js';
import { signToken, verifyToken, type TokenSpec } from './signed-token.js';
import { asMerchantId, type MerchantId } from '../tenancy/merchant-id.js';

export interface Session {
  merchantId: MerchantId;
  staffId: string;
  role: StaffRole;
  /** when the token was issued (ms since the epoch): a revocation ends the ones issued before it */
  issuedAt?: number;
}

const SESSIONS = 'xiaoer-api';
const BIND_TICKETS = 'xiaoer-mp-bind';
const BIND_TICKET_SECONDS = 10 * 60;

export class SessionSigner {
  private sessions: TokenSpec;
  private bindTickets: TokenSpec;

  constructor(
    secret: string,
    private ttlSeconds: number,
  ) {
    const key = new TextEncoder().encode(secret);
    this.sessions = { key, audience: SESSIONS };
    this.bindTickets = { key, audience: BIND_TICKETS };
  }

  issue(session: Session, now = Date.now()): Promise<{ token: string; expiresAt: Date }> {
    return signToken(this.sessions, {
      subject: session.staffId,
      // `ims`: the issue time in ms (JWT's iat has whole seconds), so a sign-in right after a revocation counts
      claims: { mid: session.merchantId, role: session.role, ims: now },
      ttlSeconds: this.ttlSeconds,
      now,
    });
  }

  async verify(token: string): Promise<Session> {
    const checked = await verifyToken(this.sessions, token);
    const role = checked.ok ? (checked.payload.role as StaffRole) : undefined;
    if (!checked.ok || typeof checked.payload.mid !== 'string' || !role || !STAFF_ROLES.includes(role)) {
      const expired = !checked.ok && checked.expired;
      throw new AppError('unauthenticated', {
        message: expired ? '登录已过期，请重新进入' : '登录信息无效，请重新进入',
      });
    }
    return {
      merchantId: asMerchantId(checked.payload.mid),
      staffId: checked.payload.sub,
      role,
      issuedAt: typeof checked.payload.ims === 'number' ? checked.payload.ims : (checked.payload.iat ?? 0) * 1000,
    };
  }

  /** A 10-minute ticket proving the holder logged in to the mini-program as this openid, for binding it. */
  async issueBindTicket(openId: string): Promise<string> {
    return (await signToken(this.bindTickets, { subject: openId, ttlSeconds: BIND_TICKET_SECONDS })).token;
  }

  async verifyBindTicket(ticket: string): Promise<string> {
    const checked = await verifyToken(this.bindTickets, ticket);
    if (!checked.ok) throw new AppError('unauthenticated', { message: '绑定已超时，请重新打开小程序' });
    return checked.payload.sub;
  }
}
