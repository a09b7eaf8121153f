import type { Middleware } from 'koa';
import { AppError } from '../../errors/app-error.js';

/**
 * Answers 503 when a handler runs past the limit, so a stuck dependency never holds a client (or WeCom's 5-second
 * callback) open. The handler itself keeps running to completion; its result is discarded.
 */
export function requestTimeout(ms: number): Middleware {
  return async (_ctx, next) => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AppError('request_timeout', { reportable: true })), ms);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
