// The console's typed API client: every call names its contract from @xiaoer/common/api/<domain>, so the request
// and the answer have the server's own types. It rides on the transport in api.ts (token, renewal, errors,
// timeouts). wx.request knows no PATCH, so endpoints with it cannot be called from here (checked by the compiler).
import {
  endpointBody,
  endpointUrl,
  type CallArgs,
  type Endpoint,
  type EndpointInput,
  type HttpMethod,
  type ResponseOf,
} from '@xiaoer/common/api/contract';
import { api } from './api';

export interface CallOptions {
  /** a sign-in call, made before there is a session */
  anonymous?: boolean;
  /** another token than the owner's session (the operator's), neither renewed nor signed out on a 401 */
  bearer?: string;
}

export type ConsoleEndpoint = Endpoint<Exclude<HttpMethod, 'PATCH'>>;

export function call<E extends ConsoleEndpoint>(endpoint: E, ...[input, options]: CallArgs<E, CallOptions>) {
  return api<ResponseOf<E>>(endpointUrl(endpoint, input as EndpointInput<E> | undefined), {
    method: endpoint.method,
    body: endpointBody(endpoint, input as EndpointInput<E> | undefined),
    anonymous: options?.anonymous,
    bearer: options?.bearer,
  });
}
