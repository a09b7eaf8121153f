// The API client for both builds: Taro.request (wx.request in the mini-program, fetch in H5), the session token in the
// Authorization header, failures as ApiError carrying the server's plain-Chinese message (or ours for the network),
// and a signed-out session sending the owner back to the login page.
import Taro from '@tarojs/taro';
import { ApiError, type ErrorBody } from '@xiaoer/common/errors';
import { refresh } from '@xiaoer/common/api/auth';
import { API_ROOT, type ResponseOf } from '@xiaoer/common/api/contract';
import { needsRefresh, sessionStore } from './session';

const TIMEOUT_MS = 15_000;

export { ApiError };

/** The API's origin: the H5 build talks to the origin that served it; the weapp build to the configured one. */
let base = process.env.TARO_ENV === 'h5' ? '' : process.env.TARO_APP_API || 'https://api.xiaoer.example';
export const apiBase = () => base;
/** Another API origin (unit tests point the client at their own server). */
export const setApiBase = (origin: string) => (base = origin);

let onSignedOut: () => void = () => undefined;
/** What to do when the server no longer accepts the session (the app sends the owner to the login page). */
export const setSignedOutHandler = (handler: () => void) => (onSignedOut = handler);

let refreshing: Promise<void> | null = null;

async function send<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; data: T }> {
  try {
    const res = await Taro.request<T>({
      url: `${apiBase()}${API_ROOT}${path}`,
      method,
      data: body as Record<string, unknown> | undefined,
      header: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      timeout: TIMEOUT_MS,
      dataType: 'json',
    });
    return { status: res.statusCode, data: res.data };
  } catch (err) {
    const text = String((err as { errMsg?: string }).errMsg ?? (err as Error).message ?? '');
    throw new ApiError(
      /timeout/i.test(text) ? '网络有点慢，请稍后重试' : '网络连接失败，请检查网络后重试',
      0,
      /timeout/i.test(text) ? 'timeout' : 'network',
    );
  }
}

/** Renews a session close to expiry, once for all callers at the same moment (straight on the wire: not through
 * api(), which would renew first). */
async function freshToken(): Promise<string | undefined> {
  const session = sessionStore.get();
  if (!session) return undefined;
  if (needsRefresh(session)) {
    refreshing ??= send<ResponseOf<typeof refresh>>(refresh.method, refresh.path, {}, session.token)
      .then(({ status, data }) => (status === 200 ? sessionStore.set(data) : undefined))
      .catch(() => undefined)
      .finally(() => (refreshing = null));
    await refreshing;
  }
  return sessionStore.get()?.token;
}

/**
 * The transport under the typed client (client.ts), which is how pages call the API. Called directly only for
 * endpoints not yet on a contract in @xiaoer/common/api (its T is then the caller's word, unchecked).
 */
export async function api<T>(
  path: string,
  init: {
    method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
    body?: unknown;
    anonymous?: boolean;
    /** another session's token (the operator's): the owner's session is neither used, renewed nor signed out */
    bearer?: string;
  } = {},
): Promise<T> {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  if (init.bearer) return answer<T>(await send<T>(method, path, init.body, init.bearer), () => undefined);
  const token = init.anonymous ? undefined : await freshToken();
  if (!init.anonymous && !token) {
    onSignedOut();
    throw new ApiError('请先登录', 401, 'unauthenticated');
  }
  return answer<T>(await send<T>(method, path, init.body, token), () => {
    if (init.anonymous) return;
    sessionStore.clear();
    onSignedOut();
  });
}

/** The answer's data, or the server's refusal as an ApiError (a refused session told to `unauthorised` first). */
function answer<T>({ status, data }: { status: number; data: T }, unauthorised: () => void): T {
  if (status >= 200 && status < 300) return data;
  const error = (data ?? {}) as Partial<ErrorBody>;
  if (status === 401) unauthorised();
  const fieldText = error.fields ? Object.values(error.fields)[0] : undefined;
  throw new ApiError(fieldText ?? error.message ?? '出了点问题，请稍后重试', status, error.error, error.fields);
}
