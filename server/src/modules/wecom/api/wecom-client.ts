// Every call to WeCom goes through here: access token from the shared cache, a per-corp rate limit below WeCom's,
// a timeout, one retry with a fresh token on 40014/42001, short backoff on -1/45033, and typed errors.
import type { Logger } from '../../../logging/logger.js';
import { readCapped } from '../../../net/outbound-guard.js';
import { globalKey, tenantKey } from '../../../redis/keys.js';
import type { FixedWindowRateLimiter } from '../../../redis/rate-limiter.js';
import type { WecomCredentials } from '../wecom-app.repository.js';
import type { CredentialCache } from './credential-cache.js';
import { WecomApiError, WecomTransportError } from './wecom-errors.js';

/** WeCom allows 10,000 calls per corp per API per minute; we stay well below so one busy merchant never trips 45009. */
const CALLS_PER_MINUTE = 6000;
const TOKEN_INVALID = new Set([40014, 42001]);
const BACKOFF = new Set([-1, 45033]);
const BACKOFF_MS = [200, 800];

export interface WecomClientOptions {
  baseUrl: string;
  timeoutMs: number;
}

type Json = Record<string, unknown>;

/** A file WeCom handed back (media/get): its bytes and the content type WeCom declared. */
export interface DownloadedFile {
  bytes: Uint8Array;
  contentType: string;
}
/** How an answer is read: as JSON (every API), or as a file unless WeCom answered with a JSON error. */
type Reader = (res: Response, path: string) => Promise<Json>;

export class WecomClient {
  constructor(
    private options: WecomClientOptions,
    private cache: CredentialCache,
    private limiter: FixedWindowRateLimiter,
    private logger: Logger,
  ) {}

  tokenKey(app: Pick<WecomCredentials, 'merchantId' | 'corpId' | 'agentId'>): string {
    return tenantKey(app.merchantId, 'wecom', 'token', app.corpId, app.agentId);
  }

  accessToken(app: WecomCredentials): Promise<string> {
    return this.cache.get(this.tokenKey(app), async () => {
      const res = await this.send('GET', '/cgi-bin/gettoken', { corpid: app.corpId, corpsecret: app.secret });
      return { value: res.access_token as string, expiresIn: Number(res.expires_in) };
    });
  }

  /** A token straight from WeCom, bypassing the cache: the configuration check must test the secret itself. */
  async fetchFreshToken(app: WecomCredentials): Promise<string> {
    return (await this.send('GET', '/cgi-bin/gettoken', { corpid: app.corpId, corpsecret: app.secret }))
      .access_token as string;
  }

  /**
   * One GET with a token fetched just now from `app`'s secret, nothing cached: for credentials not saved yet (the
   * setup checks them before storing), whose token must not stand in the saved app's place in the cache.
   */
  async getWithFreshToken<T extends Json = Json>(
    app: WecomCredentials,
    path: string,
    query: Record<string, string> = {},
  ): Promise<T> {
    const token = await this.fetchFreshToken(app);
    return (await this.send('GET', path, { ...query, access_token: token })) as T;
  }

  /** Forgets the app's cached access_token: its secret changed, so the next call fetches one with the new secret. */
  forgetToken(app: Pick<WecomCredentials, 'merchantId' | 'corpId' | 'agentId'>): Promise<void> {
    return this.cache.forget(this.tokenKey(app));
  }

  /**
   * A call that carries its own credential in the query: the 代开发 template's service/* endpoints take
   * suite_access_token, not an app's token (suite/suite-api.ts caches and renews it).
   */
  request<T extends Json = Json>(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string>,
    body?: Json,
  ): Promise<T> {
    return this.send(method, path, query, body) as Promise<T>;
  }

  get<T extends Json = Json>(app: WecomCredentials, path: string, query: Record<string, string> = {}): Promise<T> {
    return this.call(app, 'GET', path, query) as Promise<T>;
  }

  post<T extends Json = Json>(app: WecomCredentials, path: string, body: Json): Promise<T> {
    return this.call(app, 'POST', path, {}, body) as Promise<T>;
  }

  /** A multipart upload (media/upload): the form's file part travels as WeCom expects it. */
  upload<T extends Json = Json>(
    app: WecomCredentials,
    path: string,
    query: Record<string, string>,
    form: FormData,
  ): Promise<T> {
    return this.call(app, 'POST', path, query, form) as Promise<T>;
  }

  /**
   * A GET that answers with a file (media/get), read up to `maxBytes` (past it: OutboundBlocked too_large); an
   * errcode comes back as JSON and throws as any other call's does (40007 for a media_id WeCom does not know).
   */
  async download(
    app: WecomCredentials,
    path: string,
    query: Record<string, string>,
    maxBytes: number,
  ): Promise<DownloadedFile> {
    const read: Reader = async (res, p) => {
      const contentType = res.headers.get('content-type') ?? '';
      if (/json|text\/plain/i.test(contentType)) return this.readJson(res, p);
      if (!res.ok) throw new WecomTransportError(`WeCom ${p} answered HTTP ${res.status}`);
      // the global fetch's Response and undici's are the same object, typed twice
      const bytes = await readCapped(res as unknown as Parameters<typeof readCapped>[0], maxBytes);
      return { file: { bytes, contentType } };
    };
    return (await this.call(app, 'GET', path, query, undefined, read)).file as DownloadedFile;
  }

  private async call(
    app: WecomCredentials,
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string>,
    body?: Json | FormData,
    read?: Reader,
  ): Promise<Json> {
    await this.checkRateLimit(app.corpId, path);
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken(app);
      try {
        return await this.send(method, path, { ...query, access_token: token }, body, read);
      } catch (err) {
        if (!(err instanceof WecomApiError)) throw err;
        if (TOKEN_INVALID.has(err.errcode) && attempt === 0) {
          await this.cache.invalidate(this.tokenKey(app), token);
          continue; // exactly one retry with a fresh token
        }
        const backoff = BACKOFF_MS[attempt];
        if (BACKOFF.has(err.errcode) && backoff !== undefined) {
          await new Promise((r) => setTimeout(r, backoff));
          continue;
        }
        throw err;
      }
    }
  }

  private async checkRateLimit(corpId: string, path: string): Promise<void> {
    try {
      const decision = await this.limiter.consume(globalKey('wecom', 'rl', corpId, path), CALLS_PER_MINUTE, 60_000);
      if (!decision.allowed) throw new WecomApiError(45009, 'local rate limit reached', path);
    } catch (err) {
      if (err instanceof WecomApiError) throw err;
      // Redis unavailable: WeCom's own limit still protects it; better to serve than to stop.
    }
  }

  private async send(
    method: string,
    path: string,
    query: Record<string, string>,
    body?: Json | FormData,
    read: Reader = (r, p) => this.readJson(r, p),
  ): Promise<Json> {
    const url = `${this.options.baseUrl}${path}?${new URLSearchParams(query)}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        // FormData sets its own multipart content type with the boundary.
        headers: body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : undefined,
        body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      throw new WecomTransportError(`WeCom ${path} unreachable: ${(err as Error).message}`);
    }
    return read(res, path);
  }

  private async readJson(res: Response, path: string): Promise<Json> {
    let json: Json;
    try {
      json = (await res.json()) as Json;
    } catch {
      throw new WecomTransportError(`WeCom ${path} answered HTTP ${res.status} without JSON`);
    }
    const errcode = Number(json.errcode ?? 0);
    if (errcode !== 0) {
      this.logger.warn({ path, errcode, errmsg: json.errmsg }, 'wecom call failed');
      throw new WecomApiError(errcode, String(json.errmsg ?? ''), path);
    }
    return json;
  }
}
