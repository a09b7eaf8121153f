// Signing in: wx.login's code → the server. A WeChat account already bound to a staff member gets a session; a new one
// gets a bind ticket, and the one-time invite code from the shop's WeCom admin binds it.
import * as auth from '@xiaoer/common/api/auth';
import type { SessionDto } from '@xiaoer/common/schemas/auth';
import { call } from './client';
import { sessionStore } from './session';
import { wxLoginCode } from './wx-login';

export type LoginResult = auth.MiniProgramLoginResult;

export async function signIn(): Promise<LoginResult> {
  const result = await call(auth.miniProgramLogin, { body: { code: await wxLoginCode() } }, { anonymous: true });
  if (result.status === 'ok') sessionStore.set(result.session);
  return result;
}

export async function bindWithInvite(bindTicket: string, inviteCode: string): Promise<SessionDto> {
  const session = await call(
    auth.miniProgramBind,
    { body: { bindTicket, inviteCode: inviteCode.trim().toUpperCase() } },
    { anonymous: true },
  );
  sessionStore.set(session);
  return session;
}

export const signOut = () => sessionStore.clear();
