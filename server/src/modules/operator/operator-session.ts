// Operator sessions: JWTs like the merchants' but signed with a key of their own (derived from SESSION_SECRET) and
// for an audience of their own, with no merchant in them. So a merchant's token is refused on operator routes and
// an operator's on merchant routes — by two independent checks (the key and the audience), not by a role compare.
import { createHmac, randomUUID } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { AppError } from '../../errors/app-error.js';

const ISSUER = 'xiaoer';
const AUDIENCE = 'xiaoer-operator';

export interface OperatorSession {
  operatorId: string;
}

export class OperatorSessionSigner {
  private key: Uint8Array;

  constructor(
    sessionSecret: string,
    private ttlSeconds: number,
  ) {
    this.key = createHmac('sha256', sessionSecret).update('xiaoer operator sessions v1').digest();
  }

  async issue(operatorId: string, now = Date.now()): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(now + this.ttlSeconds * 1000);
    const token = await new SignJWT({ kind: 'operator' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(operatorId)
      .setJti(randomUUID())
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  async verify(token: string): Promise<OperatorSession> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      if (payload.kind !== 'operator' || !payload.sub) throw new Error('bad claims');
      return { operatorId: payload.sub };
    } catch (err) {
      const expired = err instanceof joseErrors.JWTExpired;
      throw new AppError('unauthenticated', {
        message: expired ? '服务商登录已过期，请重新登录' : '请用服务商账号登录',
      });
    }
  }
}
