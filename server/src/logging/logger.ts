// One structured logger. JSON lines in production; request/job context (request id, merchant, staff) is added to
// every line from AsyncLocalStorage, so services never thread a logger through their arguments.
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger } from 'pino';

export type { Logger };

export interface LogContext {
  requestId?: string;
  jobName?: string;
  merchantId?: string;
  staffId?: string;
  /** the provider's operator, on operator routes (never together with a merchant) */
  operatorId?: string;
}

const contextStore = new AsyncLocalStorage<LogContext>();

export const runWithLogContext = <T>(context: LogContext, fn: () => T): T => contextStore.run(context, fn);

/** Adds fields (for example the merchant once the session is known) to the current request's context. */
export const addLogContext = (fields: Partial<LogContext>): void => {
  const current = contextStore.getStore();
  if (current) Object.assign(current, fields);
};

// Secrets, tokens, phone numbers and message content never reach a log line, at any of the first three depths.
// One walk over the (small) log object, instead of pino's path patterns: with wildcards those cost more than the
// rest of a callback's request path.
const SENSITIVE_KEYS = new Set(
  [
    'authorization',
    'cookie',
    'password',
    'secret',
    'token',
    'accessToken',
    'access_token',
    'ticket',
    'corpSecret',
    'sessionSecret',
    'masterKey',
    'encodingAesKey',
    'EncodingAESKey',
    'apiKey',
    'phone',
    'mobile',
    'content',
    'text',
    'message_content',
    'Content',
    'echostr',
  ].map((k) => k.toLowerCase()),
);
const CENSOR = '[redacted]';

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 3 || value === null || typeof value !== 'object' || value instanceof Error || value instanceof Date)
    return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = SENSITIVE_KEYS.has(k.toLowerCase()) ? CENSOR : redact(v, depth + 1);
  return out;
}

export function createLogger(
  options: { level: string; pretty: boolean },
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level: options.level,
      base: { pid: process.pid },
      formatters: { log: (object) => redact(object) as Record<string, unknown> },
      mixin: () => ({ ...contextStore.getStore() }),
      transport:
        options.pretty && !destination
          ? { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } }
          : undefined,
    },
    destination,
  );
}
