// A safety net for tests of outbound URLs: any host-name lookup other than "localhost" fails instead of asking the
// network's DNS server (an address literal passes: looking it up asks no one), so a test that would resolve a made-up name for real fails here and never leaves the machine.
// The product's guard resolves through an injected resolver, which these tests stub.
import dns from 'node:dns';
import { isIP } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

type Callback = (err: NodeJS.ErrnoException | null, ...rest: unknown[]) => void;

export function forbidNetworkDns(): { attempted: string[] } {
  const attempted: string[] = [];
  const real = { lookup: dns.lookup, promisesLookup: dns.promises.lookup };
  const local = (hostname: string) => hostname === 'localhost' || isIP(hostname) !== 0;
  const refuse = (hostname: string) => {
    attempted.push(hostname);
    return Object.assign(new Error(`test forbids DNS for ${hostname}`), { code: 'ENOTFOUND' });
  };
  beforeAll(() => {
    dns.lookup = ((hostname: string, options: unknown, callback?: Callback) => {
      const cb = (typeof options === 'function' ? options : callback) as Callback;
      if (local(hostname)) return (real.lookup as (...a: unknown[]) => void)(hostname, options, callback);
      process.nextTick(() => cb(refuse(hostname)));
    }) as typeof dns.lookup;
    dns.promises.lookup = (async (hostname: string, options?: unknown) => {
      if (local(hostname)) return real.promisesLookup(hostname, options as dns.LookupAllOptions);
      throw refuse(hostname);
    }) as typeof dns.promises.lookup;
  });
  afterAll(() => {
    dns.lookup = real.lookup;
    dns.promises.lookup = real.promisesLookup;
  });
  return { attempted };
}
