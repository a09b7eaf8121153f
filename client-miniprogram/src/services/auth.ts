// Signing in: wx.login's code → the server. A WeChat account already bound to a staff member gets a session; a new one
// gets a bind ticket, and the one-time invite code from the shop's WeCom admin binds it.
import type { SessionDto } from '@xiaoer/common/schemas/auth';
import { api } from './api';
import { sessionStore } from './session';
import { wxLoginCode } from './wx-login';

export type LoginResult = { status: 'ok'; session: SessionDto } | { status: 'needs_binding'; bindTicket: string };

export async function signIn(): Promise<LoginResult> {
  const result = await api<LoginResult>('/auth/miniprogram/login', {
    body: { code: await wxLoginCode() },
    anonymous: true,
  });
  if (result.status === 'ok') sessionStore.set(result.session);
  return result;
}

export async function bindWithInvite(bindTicket: string, inviteCode: string): Promise<SessionDto> {
  const session = await api<SessionDto>('/auth/miniprogram/bind', {
    body: { bindTicket, inviteCode: inviteCode.trim().toUpperCase() },
    anonymous: true,
  });
  sessionStore.set(session);
  return session;
}

export const signOut = () => sessionStore.clear();
