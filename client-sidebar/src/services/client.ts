// The sidebar's typed API client: every call names its contract from @xiaoer/common/api/<domain>, so the request
// and the answer have the server's own types. It rides on the transport in api.ts (token, errors, timeouts).
import {
  endpointBody,
  endpointUrl,
  type CallArgs,
  type Endpoint,
  type EndpointInput,
  type ResponseOf,
} from '@xiaoer/common/api/contract';
import { request } from './api';

export interface CallOptions {
  /** cancels the call (a view that moved on); without one, the transport's timeout applies */
  signal?: AbortSignal;
}

export function call<E extends Endpoint>(endpoint: E, ...[input, options]: CallArgs<E, CallOptions>) {
  return request<ResponseOf<E>>(endpointUrl(endpoint, input as EndpointInput<E> | undefined), {
    method: endpoint.method,
    body: endpointBody(endpoint, input as EndpointInput<E> | undefined),
    signal: options?.signal,
  });
}
