// Short-lived signed session tokens (JWT, HS256) carrying merchant, staff and role. They are stateless so any API
// process can verify them; their short life bounds how long a removed staff member keeps access.
import type { StaffRole } from '@xiaoer/common/constants/roles';
import { STAFF_ROLES } from '@xiaoer/common/constants/roles';
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { AppError } from '../errors/app-error.js';
import { asMerchantId, type MerchantId } from '../tenancy/merchant-id.js';

export interface Session {
  merchantId: MerchantId;
  staffId: string;
  role: StaffRole;
}

const ISSUER = 'xiaoer';
const AUDIENCE = 'xiaoer-api';
const BIND_AUDIENCE = 'xiaoer-mp-bind';

export class SessionSigner {
  private key: Uint8Array;

  constructor(
    secret: string,
    private ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(session: Session, now = Date.now()): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(now + this.ttlSeconds * 1000);
    const token = await new SignJWT({ mid: session.merchantId, role: session.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(session.staffId)
      .setJti(randomUUID())
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  async verify(token: string): Promise<Session> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      const role = payload.role as StaffRole;
      if (typeof payload.mid !== 'string' || !payload.sub || !STAFF_ROLES.includes(role)) throw new Error('bad claims');
      return { merchantId: asMerchantId(payload.mid), staffId: payload.sub, role };
    } catch (err) {
      const expired = err instanceof joseErrors.JWTExpired;
      throw new AppError('unauthenticated', {
        message: expired ? '登录已过期，请重新进入' : '登录信息无效，请重新进入',
      });
    }
  }

  /** A 10-minute ticket proving the holder logged in to the mini-program as this openid, for binding it. */
  async issueBindTicket(openId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(openId)
      .setIssuer(ISSUER)
      .setAudience(BIND_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(this.key);
  }

  async verifyBindTicket(ticket: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(ticket, this.key, {
        issuer: ISSUER,
        audience: BIND_AUDIENCE,
        algorithms: ['HS256'],
      });
      if (!payload.sub) throw new Error('no subject');
      return payload.sub;
    } catch {
      throw new AppError('unauthenticated', { message: '绑定已超时，请重新打开小程序' });
    }
  }
}
