// Routes built from the shared contracts (@xiaoer/common/api/<domain>): the method and path come from the
// contract, the request is parsed with its schemas (a bad one is 400 validation_failed, naming each field), and
// the handler must return the contract's response type — a renamed field breaks the compile, not a page.
// Outside production the response itself is checked against the contract too (checkContractResponses).
import type { Router, RouterMiddleware } from '@koa/router';
import { API_ROOT, type Endpoint, type EndpointRequest, type ResponseOf } from '@xiaoer/common/api/contract';
import type { Middleware, ParameterizedContext } from 'koa';
import { AppError } from '../errors/app-error.js';
import { parse } from './validate.js';

export type ContractHandler<E extends Endpoint, S> = (
  request: EndpointRequest<E>,
  ctx: ParameterizedContext<S>,
) => Promise<ResponseOf<E>> | ResponseOf<E>;

/** Which contract answered the request, for the response check. */
const ANSWERED_BY = Symbol('contract endpoint');
type ContractContext = { [ANSWERED_BY]?: Endpoint };

/**
 * The route's path under a router whose prefix the contract's path starts with (`/alerts` + `/:id`); for the rare
 * route that answers outside JSON (an event stream) and so is mounted by hand.
 */
export function pathUnder<S>(router: Router<S>, endpoint: Endpoint): string {
  const prefix = router.opts.prefix ?? '';
  // Contract paths are under /api; a router mounted on the app itself (the public login routes) names /api too.
  const path = prefix === API_ROOT || prefix.startsWith(`${API_ROOT}/`) ? `${API_ROOT}${endpoint.path}` : endpoint.path;
  if (!path.startsWith(prefix))
    throw new Error(`${endpoint.method} ${endpoint.path} cannot be mounted on a router under ${prefix}`);
  return path.slice(prefix.length) || '/';
}

/**
 * Mounts `endpoint` on `router`: guards first (requireRole …), then the request parsed by the contract (path
 * parameters, and the query for GET/DELETE or the JSON body otherwise), then the handler, whose answer is sent with
 * the contract's status (nothing for 204).
 */
export function route<S, E extends Endpoint>(
  router: Router<S>,
  endpoint: E,
  ...chain: [...guards: Middleware<S>[], handler: ContractHandler<E, S>]
): void {
  const handler = chain.at(-1) as ContractHandler<E, S>;
  const guards = chain.slice(0, -1) as RouterMiddleware<S>[];
  const answer: RouterMiddleware<S> = async (ctx) => {
    const request = {
      ...(endpoint.params && { params: parse(endpoint.params, ctx.params) }),
      ...(endpoint.request &&
        (endpoint.method === 'GET' || endpoint.method === 'DELETE'
          ? { query: parse(endpoint.request, ctx.query) }
          : { body: parse(endpoint.request, ctx.request.body ?? {}) })),
    } as EndpointRequest<E>;
    const body = await handler(request, ctx);
    (ctx as ContractContext)[ANSWERED_BY] = endpoint;
    ctx.status = endpoint.status;
    if (endpoint.status !== 204) ctx.body = body;
  };
  router.register(pathUnder(router, endpoint), [endpoint.method], [...guards, answer]);
}

/**
 * Outside production: every answer of a contract route is parsed with the contract's response schema, so a
 * presenter that drifts from the contract fails its tests instead of a client. A mismatch is an internal error
 * (logged with the issues), never a half-right answer. A field the contract does not name fails too, at any depth:
 * a plain `z.object` strips it silently, so a raw record (its `_id`, `merchantId`, audit trail) would pass as its DTO
 * by structural typing alone.
 */
export function checkContractResponses(): Middleware {
  return async (ctx, next) => {
    await next();
    const endpoint = (ctx as ContractContext)[ANSWERED_BY];
    if (!endpoint || endpoint.status === 204) return;
    const result = endpoint.response.safeParse(ctx.body);
    const issues = result.success
      ? unknownKeys(ctx.body, result.data)
          .map((path) => `${path}: not in the contract`)
          .join('; ')
      : result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    if (!issues) return;
    throw new AppError('internal_error', {
      cause: new Error(`${endpoint.method} ${endpoint.path} answered outside its contract: ${issues}`),
    });
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The paths of what `sent` carries that the parsed answer does not: keys the schema stripped. Response schemas have
 * no transforms, so the parse keeps every key the contract names (a record or a loose object keeps them all); a key
 * left undefined is not sent as JSON and does not count.
 */
export function unknownKeys(sent: unknown, parsed: unknown, path = ''): string[] {
  if (sent === parsed) return []; // passed through whole (z.unknown)
  if (Array.isArray(sent) && Array.isArray(parsed))
    return sent.flatMap((item, i) => unknownKeys(item, parsed[i], `${path}[${i}]`));
  if (!isObject(sent) || !isObject(parsed)) return [];
  return Object.entries(sent).flatMap(([key, value]) => {
    if (value === undefined) return [];
    const at = path ? `${path}.${key}` : key;
    return key in parsed ? unknownKeys(value, parsed[key], at) : [at];
  });
}
