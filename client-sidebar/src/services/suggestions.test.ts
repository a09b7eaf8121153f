// streamSuggestions against a real local HTTP server speaking the API's server-sent events, split at awkward places.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { session } from './api';
import { streamSuggestions, type Draft } from './suggestions';

let server: http.Server;
let base = '';
let reply: (req: http.IncomingMessage, res: http.ServerResponse) => void;

beforeAll(async () => {
  server = http.createServer((req, res) => reply(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const sse = (chunks: string[]) => (req: http.IncomingMessage, res: http.ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const c of chunks) res.write(c);
  res.end();
};

describe('streamSuggestions', () => {
  it('reports the answer as it is written, then each draft, with the session token', async () => {
    session.set('tok-123');
    let auth = '';
    const draft: Draft = { kind: 'answer', text: '杨枝甘露18元', reason: '菜单', citedIds: ['product:1'] };
    const events = `event: answer_text\ndata: {"text":"杨枝"}\n\nevent: answer_text\ndata: {"text":"杨枝甘露18元"}\n\nevent: draft\ndata: ${JSON.stringify(draft)}\n\nevent: done\ndata: {}\n\n`;
    reply = (req, res) => {
      auth = String(req.headers.authorization);
      sse([events.slice(0, 17), events.slice(17, 61), events.slice(61)])(req, res); // cut mid-line and mid-character
    };
    const seen: string[] = [];
    const drafts: Draft[] = [];
    await streamSuggestions(
      'c1',
      '杨枝甘露多少钱',
      { onAnswerText: (t) => seen.push(t), onDraft: (d) => drafts.push(d) },
      undefined,
      base,
    );
    expect(auth).toBe('Bearer tok-123');
    expect(seen).toEqual(['杨枝', '杨枝甘露18元']);
    expect(drafts).toEqual([draft]);
  });

  it('fails with the server’s message, and when the stream stops before done', async () => {
    reply = (_req, res) =>
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'not_found', message: '没有找到这位客户，可能已被删除' }));
    await expect(
      streamSuggestions('c1', '', { onAnswerText: () => {}, onDraft: () => {} }, undefined, base),
    ).rejects.toThrow('没有找到这位客户');
    reply = sse(['event: error\ndata: {"message":"生成建议失败，请重试"}\n\n']);
    await expect(
      streamSuggestions('c1', '', { onAnswerText: () => {}, onDraft: () => {} }, undefined, base),
    ).rejects.toThrow('生成建议失败');
    reply = sse(['event: answer_text\ndata: {"text":"半"}\n\n']);
    await expect(
      streamSuggestions('c1', '', { onAnswerText: () => {}, onDraft: () => {} }, undefined, base),
    ).rejects.toThrow('连接中断了');
  });
});
