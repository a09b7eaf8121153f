// The outbound guard with a stubbed resolver: names are "resolved" by the test, connections only ever go to servers
// this test runs on 127.0.0.1, and addresses that are refused are never connected to.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbidNetworkDns } from '../../test/support/no-network-dns.js';
import { OutboundBlocked, OutboundGuard, readCapped, type Resolver } from './outbound-guard.js';

const dnsNet = forbidNetworkDns();

/** A local server that records what reached it. */
async function localServer(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: { host?: string; url?: string }[] = [];
  const server = createServer((req, res) => {
    seen.push({ host: req.headers.host, url: req.url });
    handle(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { port, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A resolver that knows only the names it is given. */
const stubResolver = (names: Record<string, string[]>): Resolver & { asked: string[] } => {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const addresses = names[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { asked });
};

const strict = { allowHttp: false, allowPrivate: [] };
const devLike = { allowHttp: true, allowPrivate: [] };

let ok: Awaited<ReturnType<typeof localServer>>;
beforeAll(async () => {
  ok = await localServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('hello'));
});
afterAll(() => ok.close());

const reasonOf = (p: Promise<unknown>) =>
  p.then(
    () => 'allowed',
    (e: unknown) => (e instanceof OutboundBlocked ? e.reason : `other: ${(e as Error).message}`),
  );

describe('URL checks', () => {
  it('wants https in production, and no credentials in the URL', async () => {
    const guard = new OutboundGuard(strict, stubResolver({}));
    expect(() => guard.checkUrl('http://api.example.com/v1')).toThrow(OutboundBlocked);
    expect(await reasonOf(guard.vet('http://api.example.com/v1'))).toBe('scheme');
    expect(await reasonOf(guard.vet('ftp://api.example.com/'))).toBe('scheme');
    expect(await reasonOf(guard.vet('https://user:pw@api.example.com/'))).toBe('credentials');
    expect(await reasonOf(new OutboundGuard(devLike, stubResolver({})).vet('file:///etc/passwd'))).toBe('scheme');
  });

  it('refuses every spelling of a private address literal without resolving anything', async () => {
    const resolver = stubResolver({});
    const guard = new OutboundGuard(devLike, resolver);
    for (const url of [
      'http://127.0.0.1/',
      'http://2130706433/', // 127.0.0.1 as one number
      'http://0x7f.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:a9fe:a9fe]/', // 169.254.169.254, IPv4-mapped
      'http://0.0.0.0/',
      'http://10.1.2.3/',
      'http://172.16.0.1/',
      'http://192.168.1.1/',
      'http://100.64.0.1/', // carrier-grade NAT
      'http://169.254.169.254/latest/meta-data/',
      'http://100.100.100.200/', // Alibaba Cloud metadata
      'http://[fd00:ec2::254]/', // AWS metadata over IPv6
      'http://[fe80::1]/',
      'http://[fc00::1]/',
      'http://224.0.0.1/',
    ]) {
      expect({ url, reason: await reasonOf(guard.vet(url)) }).toEqual({ url, reason: 'private_address' });
    }
    expect(resolver.asked).toEqual([]);
  });

  it('refuses a name that resolves to a private address, or to any private among public ones', async () => {
    const guard = new OutboundGuard(
      devLike,
      stubResolver({
        'loop.shop.test': ['127.0.0.1'],
        'ten.shop.test': ['10.0.0.8'],
        'meta.shop.test': ['169.254.169.254'],
        'six.shop.test': ['::1'],
        'mixed.shop.test': ['93.184.216.34', '192.168.0.10'],
        'public.shop.test': ['93.184.216.34', '2606:2800:220:1::1'],
      }),
    );
    for (const host of ['loop', 'ten', 'meta', 'six', 'mixed']) {
      expect({ host, reason: await reasonOf(guard.vet(`http://${host}.shop.test/v1`)) }).toEqual({
        host,
        reason: 'private_address',
      });
    }
    expect(await reasonOf(guard.vet('http://nowhere.shop.test/'))).toBe('unresolvable');
    expect(await reasonOf(guard.vet('https://public.shop.test/v1'))).toBe('allowed');
  });

  it('lets the listed ranges through outside production, but never a cloud metadata address', async () => {
    const guard = new OutboundGuard(
      { allowHttp: true, allowPrivate: ['127.0.0.0/8', '169.254.0.0/16', '100.64.0.0/10', 'fd00::/8'] },
      stubResolver({ 'meta.shop.test': ['169.254.169.254'], 'ali.shop.test': ['100.100.100.200'] }),
    );
    expect(await reasonOf(guard.vet('http://127.0.0.1:8080/'))).toBe('allowed');
    expect(await reasonOf(guard.vet('http://169.254.169.254/'))).toBe('private_address');
    expect(await reasonOf(guard.vet('http://meta.shop.test/'))).toBe('private_address');
    expect(await reasonOf(guard.vet('http://ali.shop.test/'))).toBe('private_address');
    expect(await reasonOf(guard.vet('http://[fd00:ec2::254]/'))).toBe('private_address');
    expect(await reasonOf(guard.vet('http://10.0.0.1/'))).toBe('private_address');
  });
});

describe('connections', () => {
  it('connects to the address the guard resolved and checked (not to what DNS says at connect time)', async () => {
    const resolver = stubResolver({ 'img.shop.test': ['127.0.0.1'] });
    const guard = new OutboundGuard({ allowHttp: true, allowPrivate: ['127.0.0.0/8'] }, resolver);
    try {
      const res = await guard.fetch(`http://img.shop.test:${ok.port}/hello`, {}, { maxBytes: 1024 });
      expect(await res.text()).toBe('hello');
      expect(ok.seen.at(-1)).toEqual({ host: `img.shop.test:${ok.port}`, url: '/hello' });
      expect(resolver.asked).toContain('img.shop.test');
    } finally {
      await guard.close();
    }
  });

  it('never opens a connection to a refused address, however the request is made', async () => {
    const before = ok.seen.length;
    const guard = new OutboundGuard(
      devLike,
      stubResolver({ 'loop.shop.test': ['127.0.0.1'], 'mixed.shop.test': ['127.0.0.1', '93.184.216.34'] }),
    );
    try {
      expect(await reasonOf(guard.fetch(`http://loop.shop.test:${ok.port}/`, {}, { maxBytes: 1024 }))).toBe(
        'private_address',
      );
      expect(await reasonOf(guard.fetch(`http://mixed.shop.test:${ok.port}/`, {}, { maxBytes: 1024 }))).toBe(
        'private_address',
      );
      expect(await reasonOf(guard.fetch(`http://127.0.0.1:${ok.port}/`, {}, { maxBytes: 1024 }))).toBe(
        'private_address',
      );
      expect(await reasonOf(guard.fetch(`http://[::ffff:127.0.0.1]:${ok.port}/`, {}, { maxBytes: 1024 }))).toBe(
        'private_address',
      );
      // the pinned agent refuses on its own too, whatever URL reached it
      const { fetch: rawFetch } = await import('undici');
      await expect(rawFetch(`http://127.0.0.1:${ok.port}/`, { dispatcher: guard.dispatcher })).rejects.toMatchObject({
        cause: { reason: 'private_address' },
      });
      await expect(
        rawFetch(`http://loop.shop.test:${ok.port}/`, { dispatcher: guard.dispatcher }),
      ).rejects.toMatchObject({ cause: { reason: 'private_address' } });
      expect(ok.seen.length).toBe(before);
    } finally {
      await guard.close();
    }
  });

  it('follows no redirect: a redirect to a private address (or anywhere) is refused', async () => {
    const target = await localServer((_req, res) => res.writeHead(200).end('secret'));
    const redirecting = await localServer((_req, res) =>
      res.writeHead(302, { location: `http://inner.shop.test:${target.port}/latest/meta-data/` }).end(),
    );
    const guard = new OutboundGuard(
      { allowHttp: true, allowPrivate: ['127.0.0.0/8'] },
      stubResolver({ 'cdn.shop.test': ['127.0.0.1'], 'inner.shop.test': ['127.0.0.1'] }),
    );
    try {
      expect(
        await reasonOf(guard.fetch(`http://cdn.shop.test:${redirecting.port}/a.png`, {}, { maxBytes: 1024 })),
      ).toBe('redirect');
      expect(redirecting.seen).toHaveLength(1);
      expect(target.seen).toHaveLength(0);
    } finally {
      await guard.close();
      await redirecting.close();
      await target.close();
    }
  });

  it('stops reading a body at the byte cap, without waiting for the rest', async () => {
    let written = 0;
    let hungUp = 0;
    const endless = await localServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' }); // chunked: no length announced
      const chunk = Buffer.alloc(64 * 1024, 1);
      let open = true;
      const pump = () => {
        for (let more = true; open && more; written += chunk.length) more = res.write(chunk);
        if (open) res.once('drain', pump);
      };
      res.on('close', () => ((open = false), hungUp++));
      pump();
    });
    const announced = await localServer((_req, res) =>
      res.writeHead(200, { 'content-length': String(5 * 1024 * 1024) }).write('x'),
    );
    const guard = new OutboundGuard(
      { allowHttp: true, allowPrivate: ['127.0.0.0/8'] },
      stubResolver({ 'img.shop.test': ['127.0.0.1'] }),
    );
    try {
      const cap = 256 * 1024;
      const res = await guard.fetch(`http://img.shop.test:${endless.port}/big.png`, {}, { maxBytes: cap });
      expect(await reasonOf(readCapped(res, cap))).toBe('too_large');
      // the capped stream the fetch returns refuses to go past the cap too
      const again = await guard.fetch(`http://img.shop.test:${endless.port}/big.png`, {}, { maxBytes: cap });
      expect(await reasonOf(again.arrayBuffer())).toBe('too_large');
      await expect.poll(() => hungUp).toBe(2); // we hung up: the endless body was never read to its end
      expect(written).toBeGreaterThan(cap);
      expect(await reasonOf(guard.fetch(`http://img.shop.test:${announced.port}/big.png`, {}, { maxBytes: cap }))).toBe(
        'too_large',
      );
    } finally {
      await guard.close();
      await endless.close();
      await announced.close();
    }
  });
});

it('asked no real DNS server anything', () => {
  expect(dnsNet.attempted).toEqual([]);
});
