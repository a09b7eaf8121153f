// Owners open the console from a WeCom text card (a report, an alert) in WeCom's own browser, where there is no
// wx.login: there the H5 build signs in through WeCom's OAuth like the sidebar — the card's link names the corp
// (?corp=…), WeCom sends the page back with a single-use code, and the linked page opens after sign-in.
import * as auth from '@xiaoer/common/api/auth';
import { call } from './client';
import { sessionStore } from './session';

const RETURN_KEY = 'xiaoer.console.return';

/** The corp a WeCom link named, when the H5 build was opened from one. */
export function wecomCorp(): string | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  return new URL(location.href).searchParams.get('corp');
}

/** Before the app goes to the login page: the page the link asked for, to open after sign-in. */
export function rememberReturnRoute(): void {
  if (process.env.TARO_ENV !== 'h5') return;
  // coming back from OAuth (a code in the address) the page shown is the router's default, not the one the link named
  if (new URL(location.href).searchParams.has('code')) return;
  const route = location.hash.slice(1);
  // only a page of ours: WeCom's redirect may carry its "#wechat_redirect", not a route
  if (route.startsWith('/pages/') && !route.startsWith('/pages/login')) sessionStorage.setItem(RETURN_KEY, route);
}

/**
 * Finishes a WeCom sign-in (a code in the address) or starts one (off to WeCom's OAuth page; resolves never).
 * Returns the page to open afterwards.
 */
export async function signInWithWecom(corpId: string): Promise<string | null> {
  const url = new URL(location.href);
  const code = url.searchParams.get('code');
  if (code) {
    url.searchParams.delete('code');
    url.searchParams.delete('state');
    history.replaceState(null, '', url.toString()); // a code works once: never reuse it on reload
    sessionStore.set(await call(auth.wecomLogin, { body: { corpId, code } }, { anonymous: true }));
    const back = sessionStorage.getItem(RETURN_KEY);
    sessionStorage.removeItem(RETURN_KEY);
    return back;
  }
  // (the route after '#' was remembered before the app went to the login page; WeCom's redirect keeps only the query)
  const redirectUri = `${url.origin}${url.pathname}?corp=${encodeURIComponent(corpId)}`;
  const { url: oauth } = await call(auth.wecomOauthUrl, { query: { corpId, redirectUri } }, { anonymous: true });
  location.replace(oauth);
  return new Promise(() => undefined);
}
