// A real HTTP server playing the API for the services' unit tests: it records each request and answers as the test
// says, and the API client is pointed at it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setApiBase } from '../src/services/api';

export interface Seen {
  method: string;
  url: string;
  auth?: string;
  body: string;
}
export type Answer = (req: Seen) => { status: number; body?: unknown; delayMs?: number };

export async function startLocalApi(answer: { current: Answer }) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const request = { method: req.method!, url: req.url!, auth: req.headers.authorization, body };
      seen.push(request);
      const a = answer.current(request);
      setTimeout(
        () =>
          res
            .writeHead(a.status, { 'content-type': 'application/json' })
            .end(a.body === undefined ? '' : JSON.stringify(a.body)),
        a.delayMs ?? 0,
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  setApiBase(url);
  return { url, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}
