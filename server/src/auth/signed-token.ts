// The one way we sign and check short-lived tokens (JWT, HS256): staff sessions, mini-program bind tickets and
// operator sessions differ only in key, audience, lifetime and claims.
import { randomUUID } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';

const ISSUER = 'xiaoer';

export interface TokenSpec {
  key: Uint8Array;
  /** who the token is for: a token for one audience is refused by every other */
  audience: string;
}

export async function signToken(
  spec: TokenSpec,
  token: { subject: string; claims?: Record<string, unknown>; ttlSeconds: number; now?: number },
): Promise<{ token: string; expiresAt: Date }> {
  const now = token.now ?? Date.now();
  const expiresAt = new Date(now + token.ttlSeconds * 1000);
  const signed = await new SignJWT(token.claims ?? {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(token.subject)
    .setJti(randomUUID())
    .setIssuer(ISSUER)
    .setAudience(spec.audience)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(spec.key);
  return { token: signed, expiresAt };
}

/** The token's claims, or why it was refused: expired, or not ours (bad signature, audience, shape). */
export async function verifyToken(
  spec: TokenSpec,
  token: string,
): Promise<{ ok: true; payload: JWTPayload & { sub: string } } | { ok: false; expired: boolean }> {
  try {
    const { payload } = await jwtVerify(token, spec.key, {
      issuer: ISSUER,
      audience: spec.audience,
      algorithms: ['HS256'],
    });
    return payload.sub ? { ok: true, payload: payload as JWTPayload & { sub: string } } : { ok: false, expired: false };
  } catch (err) {
    return { ok: false, expired: err instanceof joseErrors.JWTExpired };
  }
}
