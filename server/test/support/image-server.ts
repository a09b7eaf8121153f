// A shop's pictures on the web, served locally: /<name>.png answers a 1×1 PNG, anything else a web page (not a
// picture). The outbound guard lets tests fetch from 127.0.0.1.
import { createServer } from 'node:http';

export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8ffff3f0005fe02fea7d6a4a00000000049454e44ae426082',
  'hex',
);

export async function startImageServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) =>
    req.url?.endsWith('.png')
      ? res.writeHead(200, { 'content-type': 'image/png' }).end(PNG)
      : res.writeHead(200, { 'content-type': 'text/html' }).end('<html>'),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
