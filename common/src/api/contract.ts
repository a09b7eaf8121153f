// One contract per endpoint, shared by the server (which mounts its route from it) and both clients (which call
// through it): the method, the path under /api, the path parameters, the request (the query string for GET and
// DELETE, the JSON body otherwise) and the response. A renamed field then breaks the build, not the page.
//
// Response schemas describe the JSON exactly as the server sends it: no transforms and no defaults, so that what
// the handler returns, what the schema accepts and what the client reads are one type.
import type { z } from 'zod';

/** Where every contract's path lives on the server. */
export const API_ROOT = '/api';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** Methods whose request travels in the query string; the others send a JSON body. */
export type QueryMethod = 'GET' | 'DELETE';
/** 200 unless the contract says otherwise: 201 created, 202 accepted (work queued), 204 nothing to send. */
export type SuccessStatus = 200 | 201 | 202 | 204;

/** `'/customers/:id/notes'` → `'id'` */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export interface Endpoint<
  M extends HttpMethod = HttpMethod,
  P extends string = string,
  Params extends z.ZodType | undefined = z.ZodType | undefined,
  Req extends z.ZodType | undefined = z.ZodType | undefined,
  Res extends z.ZodType = z.ZodType,
> {
  readonly method: M;
  /** under API_ROOT (/api), with `:name` for each path parameter */
  readonly path: P;
  readonly params: Params;
  readonly request: Req;
  readonly response: Res;
  readonly status: SuccessStatus;
}

/** A path with `:name` parameters needs a schema whose output names exactly those; a path without needs none. */
type ParamsSchemaFor<P extends string> = [PathParamNames<P>] extends [never]
  ? undefined
  : z.ZodType<{ [K in PathParamNames<P>]: string }>;

/** What `defineEndpoint` takes: `params` is required exactly when the path has `:name` parameters. */
export type EndpointDefinition<M extends HttpMethod, P extends string, Params, Req, Res> = {
  method: M;
  path: P;
  request?: Req;
  response: Res;
  status?: SuccessStatus;
} & ([PathParamNames<P>] extends [never] ? { params?: undefined } : { params: Params });

/**
 * Declares an endpoint. The path's `:name` parameters and the `params` schema must agree (checked by the compiler),
 * and `status` defaults to 200.
 */
export function defineEndpoint<
  const M extends HttpMethod,
  const P extends string,
  Res extends z.ZodType,
  Req extends z.ZodType | undefined = undefined,
  Params extends ParamsSchemaFor<P> = ParamsSchemaFor<P>,
>(definition: EndpointDefinition<M, P, Params, Req, Res>): Endpoint<M, P, Params, Req, Res> {
  return {
    method: definition.method,
    path: definition.path,
    params: definition.params as Params,
    request: definition.request as Req,
    response: definition.response,
    status: definition.status ?? 200,
  };
}

/** What the server sends and the client receives. */
export type ResponseOf<E extends Endpoint> = z.output<E['response']>;

type ParamsPart<E extends Endpoint, Side extends 'input' | 'output'> = E['params'] extends z.ZodType
  ? { params: Side extends 'input' ? z.input<E['params']> : z.output<E['params']> }
  : { params?: undefined };

type RequestPart<E extends Endpoint, Side extends 'input' | 'output'> = E['request'] extends z.ZodType
  ? Side extends 'input'
    ? E['method'] extends QueryMethod
      ? OptionalIfEmpty<'query', z.input<E['request']>>
      : OptionalIfEmpty<'body', z.input<E['request']>>
    : E['method'] extends QueryMethod
      ? { query: z.output<E['request']> }
      : { body: z.output<E['request']> }
  : unknown;

/** `{ query?: … }` when every field of the request is optional, so such calls need not pass `{}`. */
type OptionalIfEmpty<K extends string, T> = object extends T ? { [P in K]?: T } : { [P in K]: T };

/** What a client passes: `{ params, query }` or `{ params, body }` as the endpoint needs, in their input form. */
export type EndpointInput<E extends Endpoint> = ParamsPart<E, 'input'> & RequestPart<E, 'input'>;
/** What the server's handler receives: the same, parsed by the contract's schemas. */
export type EndpointRequest<E extends Endpoint> = ParamsPart<E, 'output'> & RequestPart<E, 'output'>;

/** The arguments of a call, a client's own options last: the input may be left out when nothing in it is required. */
export type CallArgs<E extends Endpoint, Options = never> =
  object extends EndpointInput<E>
    ? [input?: EndpointInput<E>, options?: Options]
    : [input: EndpointInput<E>, options?: Options];

type QueryValue = string | number | boolean | null | undefined;

/**
 * The URL of a call under /api: path parameters filled in (encoded) and, for GET and DELETE, the request as the
 * query string (fields left undefined are left out).
 */
export function endpointUrl<E extends Endpoint>(endpoint: E, input: EndpointInput<E> | undefined): string {
  const { params, query } = (input ?? {}) as { params?: Record<string, string>; query?: Record<string, QueryValue> };
  const path = endpoint.path.replace(/:([A-Za-z_]\w*)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${endpoint.method} ${endpoint.path}: missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const search = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return search ? `${path}?${search}` : path;
}

/** The JSON body of a call, for methods that send one (`{}` when the endpoint takes none). */
export function endpointBody<E extends Endpoint>(endpoint: E, input: EndpointInput<E> | undefined): unknown {
  if (endpoint.method === 'GET' || endpoint.method === 'DELETE') return undefined;
  return (input as { body?: unknown } | undefined)?.body ?? {};
}
