// The parts of @tarojs/taro the services use, for unit tests: request over real HTTP with fetch (as Taro's H5 build
// does), storage in memory, and the UI calls recorded.
const storage = new Map<string, unknown>();
export const calls: { name: string; args: unknown }[] = [];

async function request<T>(options: {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  timeout?: number;
}): Promise<{ statusCode: number; data: T }> {
  const res = await fetch(options.url, {
    method: options.method ?? 'GET',
    headers: options.header,
    body: options.data === undefined || options.method === 'GET' ? undefined : JSON.stringify(options.data),
    signal: AbortSignal.timeout(options.timeout ?? 15_000),
  }).catch((err: Error) =>
    Promise.reject({ errMsg: `request:fail ${err.name === 'TimeoutError' ? 'timeout' : err.message}` }),
  );
  const text = await res.text();
  return { statusCode: res.status, data: (text ? JSON.parse(text) : undefined) as T };
}

const Taro = {
  request,
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, structuredClone(value)),
  removeStorageSync: (key: string) => void storage.delete(key),
  showToast: (args: unknown) => void calls.push({ name: 'showToast', args }),
  reLaunch: (args: unknown) => void calls.push({ name: 'reLaunch', args }),
  switchTab: (args: unknown) => void calls.push({ name: 'switchTab', args }),
  login: async () => ({ code: 'weapp-code' }),
};

export const resetTaro = () => {
  storage.clear();
  calls.length = 0;
};

export default Taro;
