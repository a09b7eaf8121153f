// The owner's one-time setup link: the token in the link is checked as the server checks it, redeemed (creating the
// owner's account the first time) and the session stored like any sign-in. A link that no longer works is explained
// with the server's own words and what to do about it.
import * as operator from '@xiaoer/common/api/operator';
import { setupTokenSchema, type SetupRedeemResult } from '@xiaoer/common/schemas/operator';
import { ApiError } from './api';
import { call } from './client';
import { sessionStore } from './session';

/** What is wrong with the link's token before asking the server (null: it looks right). */
export function tokenProblem(token: string | undefined): string | null {
  if (!token) return '链接不完整，缺少开通码。请复制服务商发来的完整链接再打开';
  const parsed = setupTokenSchema.safeParse(token);
  return parsed.success ? null : parsed.error.issues[0]!.message;
}

export async function redeemSetupLink(token: string, name: string): Promise<SetupRedeemResult> {
  const called = name.trim();
  const result = await call(
    operator.redeem,
    { body: { token, ...(called ? { name: called } : {}) } },
    { anonymous: true },
  );
  sessionStore.set(result.session);
  return result;
}

export interface LinkRefusal {
  message: string;
  /** what the owner can do: ask the provider, or simply try again */
  next: 'ask_provider' | 'retry';
}

/**
 * Why redeeming failed. Used, expired, revoked and unknown links are final (410, 404): only a new link from the
 * provider helps. Field errors (a name too long) and passing troubles (the network, too many tries) can be retried.
 */
export function linkRefusal(err: unknown): LinkRefusal {
  const message = (err as Error).message;
  if (err instanceof ApiError && (err.status === 410 || err.status === 404)) return { message, next: 'ask_provider' };
  if (err instanceof ApiError && err.status === 400 && err.fields?.token) return { message, next: 'ask_provider' };
  return { message, next: 'retry' };
}
