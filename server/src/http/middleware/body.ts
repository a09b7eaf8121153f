import { bodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';

/** JSON and form bodies up to the configured size; larger ones fail with 413 before they are buffered whole. */
export const jsonBody = (limit: string): Middleware =>
  bodyParser({
    enableTypes: ['json', 'form'],
    jsonLimit: limit,
    formLimit: limit,
    jsonStrict: true,
    // Let the error middleware render parse failures instead of the parser's own text replies.
    onError: (err) => {
      throw err;
    },
  }) as unknown as Middleware;
