// The API client: the session token travels in the Authorization header, every failure becomes an ApiError whose
// message is the server's plain-Chinese one (or ours for a network failure), and slow calls time out.
import { API_ROOT } from '@xiaoer/common/api/contract';
import { ApiError, type ErrorBody } from '@xiaoer/common/errors';

export { ApiError };

const TOKEN_KEY = 'xiaoer.sidebar.token';
const TIMEOUT_MS = 15_000;

export const session = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** One call to /api; the typed client (client.ts) is how the app calls it. */
export async function request<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const token = session.get();
  let res: Response;
  try {
    res = await fetch(`${API_ROOT}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal ?? AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') throw new ApiError('网络有点慢，请稍后重试', 0, 'timeout');
    throw new ApiError('网络连接失败，请检查网络后重试', 0, 'network');
  }
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as (T & Partial<ErrorBody>) | null;
  if (!res.ok) {
    if (res.status === 401) session.clear();
    throw new ApiError(body?.message ?? `服务器开小差了（${res.status}），请稍后重试`, res.status, body?.error);
  }
  return body as T;
}
