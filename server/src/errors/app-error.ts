// The typed error catalogue. Services throw these; one middleware renders them as {error, message}.
// Anything else that escapes is an internal error: logged in full, shown to the user only as a generic message.
import { ERROR_MESSAGES, type ErrorCode } from '@xiaoer/common/errors';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  rate_limited: 429,
  request_timeout: 503,
  service_unavailable: 503,
  demo_disabled: 404,
  internal_error: 500,
};

export class AppError extends Error {
  readonly status: number;
  /** whether an occurrence deserves an error-level log line (a bug or an outage), not just a warning */
  readonly reportable: boolean;

  constructor(
    readonly code: ErrorCode,
    options: { message?: string; fields?: Record<string, string>; cause?: unknown; reportable?: boolean } = {},
  ) {
    super(options.message ?? ERROR_MESSAGES[code], { cause: options.cause });
    this.status = STATUS[code];
    this.fields = options.fields;
    this.reportable = options.reportable ?? this.status >= 500;
  }

  readonly fields?: Record<string, string>;
}

export const notFound = (message?: string) => new AppError('not_found', { message });
export const forbidden = (message?: string) => new AppError('forbidden', { message });
export const conflict = (message?: string) => new AppError('conflict', { message });
