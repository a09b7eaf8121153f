// Operator sessions: JWTs like the merchants' but signed with a key of their own (derived from SESSION_SECRET) and
// for an audience of their own, with no merchant in them. So a merchant's token is refused on operator routes and
// an operator's on merchant routes — by two independent checks (the key and the audience), not by a role compare.
import { createHmac } from 'node:crypto';
import { signToken, verifyToken, type TokenSpec } from '../../auth/signed-token.js';
import { AppError } from '../../errors/app-error.js';

export interface OperatorSession {
  operatorId: string;
}

export class OperatorSessionSigner {
  private spec: TokenSpec;

  constructor(
    sessionSecret: string,
    private ttlSeconds: number,
  ) {
    const key = createHmac('sha256', sessionSecret).update('xiaoer operator sessions v1').digest();
    this.spec = { key, audience: 'xiaoer-operator' };
  }

  issue(operatorId: string, now = Date.now()): Promise<{ token: string; expiresAt: Date }> {
    return signToken(this.spec, {
      subject: operatorId,
      claims: { kind: 'operator' },
      ttlSeconds: this.ttlSeconds,
      now,
    });
  }

  async verify(token: string): Promise<OperatorSession> {
    const checked = await verifyToken(this.spec, token);
    if (!checked.ok || checked.payload.kind !== 'operator') {
      const expired = !checked.ok && checked.expired;
      throw new AppError('unauthenticated', {
        message: expired ? '服务商登录已过期，请重新登录' : '请用服务商账号登录',
      });
    }
    return { operatorId: checked.payload.sub };
  }
}
