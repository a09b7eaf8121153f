// The sidebar's start: a session (silent WeCom OAuth on first open), then the WeCom context.
import * as auth from '@xiaoer/common/api/auth';
import type { StaffDto } from '@xiaoer/common/schemas/staff';
import { type ApiError, session } from './api';
import { BootError, missingCorp } from './boot-errors';
import { call } from './client';
import { connectWecom, type Entry } from './wecom';

export type Me = StaffDto;

/** Signs in: a token from this tab, a code WeCom's OAuth just returned, or off to OAuth (resolves never). */
async function signIn(corpId: string): Promise<void> {
  const url = new URL(location.href);
  const code = url.searchParams.get('code');
  if (code) {
    url.searchParams.delete('code');
    url.searchParams.delete('state');
    history.replaceState(null, '', url); // a code works once: never reuse it on reload
    const res = await call(auth.wecomLogin, { body: { corpId, code } }).catch((e: ApiError) =>
      Promise.reject(loginError(e)),
    );
    session.set(res.token);
    return;
  }
  if (session.get()) return;
  const { url: oauth } = await call(auth.wecomOauthUrl, { query: { corpId, redirectUri: url.toString() } }).catch(
    (e: ApiError) => Promise.reject(loginError(e)),
  );
  location.replace(oauth);
  await new Promise(() => undefined); // the page is leaving
}

function loginError(e: ApiError): BootError {
  if (e.status === 0) return new BootError('网络连接失败', '请检查网络后重试。', true);
  if (e.status === 403)
    return new BootError(
      '你还不是小二的员工',
      '请企业微信管理员把你加入小二应用的可见范围，老板在小二的「员工」里同步后，重新打开侧边栏。',
    );
  if (e.status === 404) return new BootError('这个企业还没有接入小二', e.message);
  if (e.status === 401) return new BootError('登录已失效', '请关闭侧边栏后重新打开。', true);
  return new BootError('登录失败', e.message, true);
}

export async function boot(): Promise<{ me: Me; entry: Entry }> {
  const corpId = new URLSearchParams(location.search).get('corp');
  if (!corpId) throw missingCorp();
  await signIn(corpId);
  const me = await call(auth.me).catch(async (e: ApiError) => {
    if (e.status !== 401) throw loginError(e);
    await signIn(corpId); // the tab's token expired: sign in again
    return call(auth.me);
  });
  return { me, entry: await connectWecom(corpId) };
}
