// A small HTTP proxy: the load balancer in front of the API processes (each request to the next upstream in turn,
// as behind nginx), and the network between one worker and WeCom, where the soak can hold WeCom's answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Proxy {
  url: string;
  /** requests handed to each upstream, in the order of the ports */
  counts: number[];
  /** requests that found their upstream unreachable (answered 502) */
  failures: number;
  /**
   * Holds the answers to requests for these paths: the upstream has acted on them, but the caller hears nothing
   * until `release()` — a caller that dies meanwhile never learns that its call went through.
   */
  hold(paths: string[]): { held: (path: string) => number; release: () => void };
  stop(): Promise<void>;
}

export async function startProxy(ports: number[]): Promise<Proxy> {
  // A connection per request: a reused idle connection the upstream has just closed would fail the request (a 502
  // WeCom then retries), noise the soak does not need.
  const agent = new http.Agent({ keepAlive: false, maxSockets: 256 });
  let holding: { paths: string[]; released: Promise<void>; counts: Map<string, number> } | undefined;
  let next = 0;
  const server = http.createServer((req, res) => {
    const i = next++ % ports.length;
    proxy.counts[i]!++;
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const { method, url, headers } = req;
    const target = { host: '127.0.0.1', port: ports[i], method, path: url, headers, agent };
    const upstream = http.request(target, async (up) => {
      const hold = holding?.paths.includes(path) ? holding : undefined;
      if (hold) {
        hold.counts.set(path, (hold.counts.get(path) ?? 0) + 1);
        await hold.released;
      }
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', (e) => {
      proxy.failures++;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end(e.message);
      else res.destroy();
    });
    // A caller that gives up (WeCom's 5 s timeout) cancels the request upstream too, as nginx does.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  const proxy: Proxy = {
    url: '',
    counts: ports.map(() => 0),
    failures: 0,
    hold(paths) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const hold = { paths, released, counts: new Map<string, number>() };
      holding = hold;
      return {
        held: (path) => hold.counts.get(path) ?? 0,
        release: () => {
          if (holding === hold) holding = undefined;
          release();
        },
      };
    },
    stop: async () => {
      holding?.paths.splice(0);
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
