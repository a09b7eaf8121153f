import type { Router } from '@koa/router';
import type { AuthedState } from '../auth/auth.middleware.js';

/** What a module's routes may learn from the HTTP process: only known once the server is bound. */
export interface HttpContext {
  /** where this server is reached (PUBLIC_URL, or the bound address outside production); never a request's Host */
  publicUrl: () => string;
}

/** A module's routers, by where http/app.ts mounts them. */
export interface ModuleRoutes {
  /** machine-to-machine endpoints that read their own body: mounted before browser middleware and the JSON parser */
  machine?: Router[];
  /** public endpoints after the browser middleware, without a session */
  public?: Router[];
  /** under /api, after `authenticate` */
  api?: Router<AuthedState>[];
}

/** Each module's `routes`: built when the HTTP application is, from what only the HTTP process knows. */
export type RoutesOf = (http: HttpContext) => ModuleRoutes;
