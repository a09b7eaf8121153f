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
}

const contextStore = new AsyncLocalStorage<LogContext>();

export const runWithLogContext = <T>(context: LogContext, fn: () => T): T => contextStore.run(context, fn);

/** Adds fields (for example the merchant once the session is known) to the current request's context. */
export const addLogContext = (fields: Partial<LogContext>): void => {
  const current = contextStore.getStore();
  if (current) Object.assign(current, fields);
};

// Secrets, tokens, phone numbers and message content never reach a log line, at any of the first three depths.
const SENSITIVE_KEYS = [
  'authorization', 'cookie', 'password', 'secret', 'token', 'accessToken', 'access_token', 'ticket', 'corpSecret',
  'sessionSecret', 'masterKey', 'encodingAesKey', 'EncodingAESKey', 'apiKey', 'phone', 'mobile', 'content', 'text',
  'message_content', 'Content', 'echostr',
];
export const REDACT_PATHS = SENSITIVE_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export function createLogger(options: { level: string; pretty: boolean }, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: options.level,
      base: { pid: process.pid },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      mixin: () => ({ ...contextStore.getStore() }),
      transport: options.pretty && !destination ? { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } : undefined,
    },
    destination,
  );
}
