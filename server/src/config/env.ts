// The one place that reads process.env. Everything else receives a typed, validated Config.
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
/** A count of proxy hops in front of us; `true` / `false` are kept from when this was a switch (one hop / none). */
const proxyHops = z
  .string()
  .regex(/^(true|false|\d)$/, 'must be the number of proxies in front of the server (0-9; true means 1)')
  .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v)));
const addressRanges = list.refine(
  (ranges) => ranges.every((r) => ipaddr.isValid(r) || ipaddr.isValidCIDR(r)),
  'must be IP addresses or CIDR ranges, comma-separated',
);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z
      .url({
        protocol: /^https?$/,
        error: 'must be the http(s) address the server is reached at, e.g. https://xiaoer.example.com',
      })
      .transform((v) => v.replace(/\/+$/, ''))
      .optional(),
    TRUST_PROXY: proxyHops.default(0),
    /** outside production only: private ranges merchant-supplied URLs may reach (the local stand-ins) */
    OUTBOUND_ALLOW_PRIVATE: addressRanges.default([]),
    MONGO_URI: z
      .string({ error: 'is required (for example mongodb://127.0.0.1:27017/xiaoer)' })
      .regex(/^mongodb(\+srv)?:\/\/[^/\s]+\/?[^\s]*$/, 'must be a mongodb:// or mongodb+srv:// URI'),
    REDIS_URL: z
      .string({ error: 'is required (for example redis://127.0.0.1:6379)' })
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL'),
    SESSION_SECRET: z
      .string({ error: 'is required (at least 32 random characters)' })
      .min(32, 'must be at least 32 characters'),
    MASTER_KEY: z
      .string({ error: 'is required (64 hex characters: openssl rand -hex 32)' })
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (openssl rand -hex 32)'),
    SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
    DEMO_MODE: bool.default(false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: bool.default(false),
    CORS_ORIGINS: list.default([]),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/i, 'must look like 512kb or 1mb')
      .default('1mb'),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    JOBS_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(5000),
    INBOX_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(500),
    WECOM_API_BASE: z.url().default('https://qyapi.weixin.qq.com'),
    WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
    WECOM_OAUTH_BASE: z.url().default('https://open.weixin.qq.com'),
    WECHAT_MP_APPID: z.string().default('wx-demo-appid'),
    WECHAT_MP_SECRET: z.string().default('demo-secret'),
    LLM_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(8000),
    WECOM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    /** the server's outgoing addresses, which owners add to their WeCom app's 企业可信IP (shown as given) */
    EGRESS_IPS: list
      .refine((ips) => ips.every((ip) => ipaddr.isValid(ip)), 'must be IP addresses, comma-separated')
      .default([]),
    /** QWeather (和风天气): the account's API host and key; without both, nothing weather-related runs */
    /** 服务商代开发 (way 2): the operator's app template ("suite"); all four or none */
    WECOM_SUITE_ID: z
      .string()
      .regex(/^[A-Za-z0-9_-]{4,64}$/, 'must be the template id (dk…)')
      .optional(),
    WECOM_SUITE_SECRET: z.string().min(8).optional(),
    WECOM_SUITE_TOKEN: z
      .string()
      .regex(/^[A-Za-z0-9]{1,32}$/, 'must be letters and digits, at most 32')
      .optional(),
    WECOM_SUITE_AES_KEY: z
      .string()
      .regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey')
      .optional(),
    /** set_session_info's auth_type: 0 a real authorisation, 1 a test one (before the template is online) */
    WECOM_SUITE_AUTH_TYPE: z.enum(['0', '1']).default('0'),
    WEATHER_API_BASE: z.url().optional(),
    WEATHER_API_KEY: z.string().min(1).optional(),
    WEATHER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  })
  .superRefine((e, ctx) => {
    const suite = [e.WECOM_SUITE_ID, e.WECOM_SUITE_SECRET, e.WECOM_SUITE_TOKEN, e.WECOM_SUITE_AES_KEY];
    if (suite.some(Boolean) && !suite.every(Boolean))
      ctx.addIssue({
        code: 'custom',
        path: ['WECOM_SUITE_ID'],
        message: 'and WECOM_SUITE_SECRET, WECOM_SUITE_TOKEN, WECOM_SUITE_AES_KEY are set together or not at all',
      });
    if (e.NODE_ENV !== 'production') return;
    // Outbound and displayed URLs are built from PUBLIC_URL, never from a request's Host header.
    if (!e.PUBLIC_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message:
          'is required in production (the https address WeCom and browsers reach, e.g. https://xiaoer.example.com)',
      });
    if (e.OUTBOUND_ALLOW_PRIVATE.length)
      ctx.addIssue({
        code: 'custom',
        path: ['OUTBOUND_ALLOW_PRIVATE'],
        message: 'is not allowed in production (merchant URLs must never reach private addresses)',
      });
  });

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  http: {
    host: string;
    port: number;
    /** required in production; elsewhere the process's own address stands in (never the Host header) */
    publicUrl?: string;
    /** how many proxies in front of us append to X-Forwarded-For (0: the socket's address is the client's) */
    trustProxyHops: number;
    corsOrigins: string[];
    bodyLimit: string;
    requestTimeoutMs: number;
  };
  mongoUri: string;
  redisUrl: string;
  session: { secret: string; ttlSeconds: number };
  masterKey: Buffer;
  demoMode: boolean;
  log: { level: Env['LOG_LEVEL']; pretty: boolean };
  shutdownTimeoutMs: number;
  jobs: { pollMs: number; inboxPollMs: number };
  wecom: {
    apiBase: string;
    wechatApiBase: string;
    oauthBase: string;
    timeoutMs: number;
    /** what owners add to 企业可信IP; empty when not configured (the setup page then says it is unknown) */
    egressIps: string[];
    /** the operator's 代开发 app template (way 2); undefined when not configured */
    suite?: WecomSuiteConfig;
  };
  miniProgram: { appId: string; secret: string };
  llm: { timeoutMs: number };
  /** URLs a merchant supplies (LLM endpoint, script images): https and public addresses only, in production */
  outbound: { allowHttp: boolean; allowPrivate: string[] };
  /** undefined when no weather source is configured */
  weather?: { apiBase: string; apiKey: string; timeoutMs: number };
}

/** The operator's 代开发 template: platform-level credentials, never a merchant's. */
export interface WecomSuiteConfig {
  suiteId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  authType: 0 | 1;
}

export class ConfigError extends Error {}

/** Validates the environment; the error names each bad variable and what is wrong with it, on one line. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    http: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: e.PUBLIC_URL,
      trustProxyHops: e.TRUST_PROXY,
      corsOrigins: e.CORS_ORIGINS,
      bodyLimit: e.BODY_LIMIT,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    },
    mongoUri: e.MONGO_URI,
    redisUrl: e.REDIS_URL,
    session: { secret: e.SESSION_SECRET, ttlSeconds: e.SESSION_TTL_SECONDS },
    masterKey: Buffer.from(e.MASTER_KEY, 'hex'),
    demoMode: e.DEMO_MODE,
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    jobs: { pollMs: e.JOBS_POLL_MS, inboxPollMs: e.INBOX_POLL_MS },
    llm: { timeoutMs: e.LLM_TIMEOUT_MS },
    outbound: {
      allowHttp: e.NODE_ENV !== 'production',
      allowPrivate: e.NODE_ENV === 'production' ? [] : e.OUTBOUND_ALLOW_PRIVATE,
    },
    miniProgram: { appId: e.WECHAT_MP_APPID, secret: e.WECHAT_MP_SECRET },
    weather:
      e.WEATHER_API_BASE && e.WEATHER_API_KEY
        ? { apiBase: e.WEATHER_API_BASE.replace(/\/$/, ''), apiKey: e.WEATHER_API_KEY, timeoutMs: e.WEATHER_TIMEOUT_MS }
        : undefined,
    wecom: {
      apiBase: e.WECOM_API_BASE.replace(/\/$/, ''),
      wechatApiBase: e.WECHAT_API_BASE.replace(/\/$/, ''),
      oauthBase: e.WECOM_OAUTH_BASE.replace(/\/$/, ''),
      timeoutMs: e.WECOM_TIMEOUT_MS,
      egressIps: e.EGRESS_IPS,
      suite:
        e.WECOM_SUITE_ID && e.WECOM_SUITE_SECRET && e.WECOM_SUITE_TOKEN && e.WECOM_SUITE_AES_KEY
          ? {
              suiteId: e.WECOM_SUITE_ID,
              secret: e.WECOM_SUITE_SECRET,
              token: e.WECOM_SUITE_TOKEN,
              encodingAesKey: e.WECOM_SUITE_AES_KEY,
              authType: e.WECOM_SUITE_AUTH_TYPE === '1' ? 1 : 0,
            }
          : undefined,
    },
  };
}

/** The process role comes from the command line: `--role api|worker|all` (default all). */
export const PROCESS_ROLES = ['api', 'worker', 'all'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

export function parseRole(argv: string[] = process.argv.slice(2)): ProcessRole {
  const index = argv.findIndex((a) => a === '--role' || a.startsWith('--role='));
  if (index === -1) return 'all';
  const value = argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1];
  if (!PROCESS_ROLES.includes(value as ProcessRole)) {
    throw new ConfigError(
      `invalid configuration: --role must be one of ${PROCESS_ROLES.join(', ')} (got ${value ?? 'nothing'})`,
    );
  }
  return value as ProcessRole;
}
