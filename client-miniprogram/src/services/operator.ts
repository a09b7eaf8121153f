// The operator's console (H5): the provider signs in apart from every merchant and keeps a token of its own, so an
// owner's session in the same browser is neither used, renewed nor signed out by it (and the server refuses each
// kind of token where the other belongs).
import Taro from '@tarojs/taro';
import * as operator from '@xiaoer/common/api/operator';
import type { CallArgs, ResponseOf } from '@xiaoer/common/api/contract';
import type { OperatorSessionDto } from '@xiaoer/common/schemas/operator';
import { ApiError } from './api';
import { call, type CallOptions, type ConsoleEndpoint } from './client';

const KEY = 'xiaoer.operator.session';

export const operatorSessionStore = {
  get(): OperatorSessionDto | null {
    const stored = Taro.getStorageSync(KEY) as OperatorSessionDto | '' | undefined;
    if (!stored || typeof stored !== 'object') return null;
    return Date.parse(stored.expiresAt) > Date.now() ? stored : null;
  },
  set: (session: OperatorSessionDto) => Taro.setStorageSync(KEY, session),
  clear: () => Taro.removeStorageSync(KEY),
};

export async function operatorSignIn(login: string, password: string): Promise<OperatorSessionDto> {
  const session = await call(operator.login, { body: { login, password } }, { anonymous: true });
  operatorSessionStore.set(session);
  return session;
}

export const operatorSignOut = () => operatorSessionStore.clear();

/** A call with the operator's token; a refused or missing session signs the operator out (the page asks again). */
export async function asOperator<E extends ConsoleEndpoint>(
  endpoint: E,
  ...[input]: CallArgs<E>
): Promise<ResponseOf<E>> {
  const session = operatorSessionStore.get();
  if (!session) throw new ApiError('请先登录服务商后台', 401, 'unauthenticated');
  try {
    return await call(endpoint, ...([input, { bearer: session.token }] as CallArgs<E, CallOptions>));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) operatorSessionStore.clear();
    throw err;
  }
}
