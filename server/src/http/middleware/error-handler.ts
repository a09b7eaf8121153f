import { ERROR_MESSAGES, type ErrorBody } from '@xiaoer/common/errors';
import type { Middleware } from 'koa';
import { ZodError } from 'zod';
import { AppError } from '../../errors/app-error.js';
import type { Logger } from '../../logging/logger.js';
import { validationError } from '../validate.js';

/** Maps what libraries throw onto the catalogue; anything unknown is an internal error. */
function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return validationError(err);
  const e = err as { status?: number; type?: string; code?: number; name?: string; expose?: boolean };
  if (e?.type === 'entity.too.large' || e?.status === 413) return new AppError('payload_too_large');
  if (e?.name === 'SyntaxError' && e.status === 400) return new AppError('invalid_json');
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported' || e?.status === 415)
    return new AppError('bad_request', { message: '不支持的请求编码' });
  if (e?.code === 11000) return new AppError('conflict', { cause: err });
  if (e?.status === 404) return new AppError('not_found');
  if (e?.status === 405) return new AppError('bad_request', { message: '不支持这个请求方法' });
  return new AppError('internal_error', { cause: err });
}

/** The top of the stack: every error leaves as {error, message} and internal details never do. */
export function errorHandler(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) throw new AppError('not_found');
    } catch (err) {
      const appError = toAppError(err);
      if (appError.reportable) logger.error({ err: appError.cause ?? err }, 'request failed');
      else logger.warn({ code: appError.code, reason: (err as Error)?.message }, 'request rejected');
      const body: ErrorBody = {
        error: appError.code,
        message: appError.reportable ? ERROR_MESSAGES[appError.code] : appError.message,
      };
      if (appError.fields) body.fields = appError.fields;
      ctx.status = appError.status;
      ctx.body = body;
      if (appError.code === 'unauthenticated') ctx.set('WWW-Authenticate', 'Bearer');
    }
  };
}
