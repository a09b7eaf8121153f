// Requests to URLs a merchant typed (their LLM endpoint, script images) must not become a way into our own network:
// no loopback, private, link-local, CGNAT or cloud-metadata address, however the URL spells it, whatever its name
// resolves to. The check lives in the connection itself: the agent resolves the name, refuses the connection unless
// every address is public, and connects to exactly the addresses it checked, so a name that resolves differently a
// moment later (DNS rebinding) gains nothing. Redirects are not followed, and bodies are read only up to a cap.
import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector, fetch as undiciFetch, Response, type RequestInit } from 'undici';

export interface ResolvedAddress {
  address: string;
  family: number;
}
/** Every address a name resolves to. Injected so tests resolve made-up names without asking a real DNS server. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

// Looked up on the dns module at call time (not bound at import), as the system's own getaddrinfo.
export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

export interface OutboundPolicy {
  /** plain http (never in production) */
  allowHttp: boolean;
  /** non-public ranges that may still be reached, as CIDRs or single addresses (the local stand-ins; never in production) */
  allowPrivate: string[];
}

export type OutboundBlockReason =
  'scheme' | 'credentials' | 'private_address' | 'unresolvable' | 'redirect' | 'too_large';

export class OutboundBlocked extends Error {
  constructor(
    readonly reason: OutboundBlockReason,
    detail: string,
  ) {
    super(`outbound request refused (${reason}): ${detail}`);
  }
}

/** The merchant-facing sentence for a refused URL; `what` names it, e.g. 接口地址. */
export function refusalMessage(err: OutboundBlocked, what: string): string {
  const sentences: Record<OutboundBlockReason, string> = {
    scheme: `${what}需要是 https 开头`,
    credentials: `${what}不能包含用户名或密码`,
    private_address: `${what}不能指向内网或本机地址`,
    unresolvable: `${what}的域名无法解析，请检查后重试`,
    redirect: `${what}发生了跳转，请填写最终地址`,
    too_large: `${what}返回的内容太大`,
  };
  return sentences[err.reason];
}

/** The instance-metadata services of the clouds we run on: refused even where a private range is allowed. */
const METADATA = ['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200'].map((a) =>
  ipaddr.parse(a).toNormalizedString(),
);

/** Finds our refusal inside the errors fetch wraps it in (TypeError "fetch failed" → cause). */
export function blockedCause(err: unknown): OutboundBlocked | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof OutboundBlocked) return e;
  }
  return undefined;
}

export class OutboundGuard {
  /** the pinned agent: every connection made through it is checked, redirects and retries included */
  readonly dispatcher: Agent;
  private allowed: [ipaddr.IPv4 | ipaddr.IPv6, number][];

  constructor(
    private policy: OutboundPolicy,
    private resolver: Resolver = systemResolver,
  ) {
    this.allowed = policy.allowPrivate.map((range) =>
      range.includes('/')
        ? ipaddr.parseCIDR(range)
        : [ipaddr.process(range), ipaddr.process(range).kind() === 'ipv4' ? 32 : 128],
    );
    const connect = buildConnector({ lookup: this.lookup });
    this.dispatcher = new Agent({
      connect: (options, callback) => {
        try {
          if (options.protocol === 'http:' && !policy.allowHttp) throw new OutboundBlocked('scheme', 'plain http');
          const host = options.hostname.replace(/^\[(.*)\]$/, '$1');
          if (isIP(host)) this.checkAddress(host); // a literal address is connected to without a lookup
        } catch (err) {
          return callback(err as Error, null);
        }
        return connect(options, callback);
      },
    });
  }

  /** What can be said without resolving anything: the scheme, no credentials, and a literal address's range. */
  checkUrl(input: string | URL): URL {
    const url = new URL(input);
    if (url.protocol !== 'https:' && !(this.policy.allowHttp && url.protocol === 'http:'))
      throw new OutboundBlocked('scheme', url.protocol);
    if (url.username || url.password) throw new OutboundBlocked('credentials', url.host);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isIP(host)) this.checkAddress(host);
    return url;
  }

  /** The URL's checks and its name resolved now: for telling a merchant at once that a URL cannot be used. */
  async vet(input: string | URL): Promise<URL> {
    const url = this.checkUrl(input);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!isIP(host)) await this.resolveChecked(host);
    return url;
  }

  /**
   * fetch through the pinned agent. A redirect is refused, not followed; a body announced or growing past maxBytes
   * is refused as it streams (the connection is dropped, the rest never read).
   */
  async fetch(input: string | URL, init: RequestInit = {}, limits: { maxBytes: number }): Promise<Response> {
    const url = this.checkUrl(input);
    let res: Response;
    try {
      res = await undiciFetch(url, { ...init, redirect: 'manual', dispatcher: this.dispatcher });
    } catch (err) {
      throw blockedCause(err) ?? err;
    }
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400 && res.headers.has('location'))) {
      await res.body?.cancel();
      throw new OutboundBlocked('redirect', `${res.status} to ${res.headers.get('location') ?? '?'}`);
    }
    if (Number(res.headers.get('content-length')) > limits.maxBytes) {
      await res.body?.cancel();
      throw new OutboundBlocked('too_large', `content-length ${res.headers.get('content-length')}`);
    }
    if (!res.body) return res;
    return new Response(capped(res.body, limits.maxBytes), {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  }

  /** A fetch function for a client library (the openai SDK) that goes through this guard. */
  fetcher(limits: { maxBytes: number }): typeof globalThis.fetch {
    return ((input: string | URL, init?: RequestInit) =>
      this.fetch(input, init, limits)) as unknown as typeof globalThis.fetch;
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }

  private checkAddress(address: string): void {
    const ip = ipaddr.process(address); // an IPv4-mapped IPv6 address is judged as the IPv4 address it carries
    if (METADATA.includes(ip.toNormalizedString())) throw new OutboundBlocked('private_address', address);
    if (ip.range() === 'unicast') return;
    if (this.allowed.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits))) return;
    throw new OutboundBlocked('private_address', address);
  }

  /** Every address of the name, each checked: one private address among public ones refuses the name. */
  private async resolveChecked(hostname: string): Promise<ResolvedAddress[]> {
    let addresses: ResolvedAddress[];
    try {
      addresses = await this.resolver(hostname);
    } catch (err) {
      throw new OutboundBlocked('unresolvable', `${hostname}: ${(err as Error).message}`);
    }
    if (!addresses.length) throw new OutboundBlocked('unresolvable', hostname);
    for (const a of addresses) this.checkAddress(a.address);
    return addresses;
  }

  /** The socket's lookup: it connects only to addresses that were just resolved and checked. */
  private lookup: LookupFunction = (hostname, options, callback) => {
    this.resolveChecked(hostname).then(
      (all) => {
        const usable =
          options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        if (!usable.length)
          return callback(
            Object.assign(new Error(`no IPv${options.family} address for ${hostname}`), { code: 'ENOTFOUND' }),
            '',
            0,
          );
        if (options.all) return callback(null, usable);
        callback(null, usable[0]!.address, usable[0]!.family);
      },
      (err: Error) => callback(err, '', 0),
    );
  };
}

/** The body, refused with too_large once more than maxBytes have arrived (cancelling the rest of it). */
function capped(body: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new OutboundBlocked('too_large', `more than ${maxBytes} bytes`));
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** The whole body as bytes, refused with too_large past maxBytes without reading further. */
export async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new OutboundBlocked('too_large', `more than ${maxBytes} bytes`);
      chunks.push(value);
    }
  } catch (err) {
    await reader.cancel().catch(() => {});
    throw blockedCause(err) ?? err;
  }
  return Buffer.concat(chunks);
}
