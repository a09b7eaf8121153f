// An OpenAI-compatible stand-in: POST /v1/chat/completions (plain, JSON-schema response_format, SSE streaming, and
// messages with image content for vision) and POST /v1/audio/transcriptions (speech to text, multipart), with latency
// and failure injection. The product talks to it with the real `openai` SDK through a base URL.
// By default it answers with what a test scripted; unscripted, it echoes a neutral JSON answer that needs a human.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedReply {
  /** the assistant message content (for JSON-schema requests: the JSON text) */
  content: string;
  /** delay before answering, ms */
  latencyMs?: number;
  /** answer with this HTTP status and an OpenAI-style error instead */
  status?: number;
  /** streamed answers: send this many chunks, then go silent with the connection open (a stalled provider) */
  stallAfterChunks?: number;
}

export interface SeenRequest {
  model: string;
  /** a message sent as parts (text and image_url, for vision) is seen as its text, its pictures in `images` */
  messages: { role: string; content: string }[];
  /** the pictures sent (image_url parts: data: URLs or links), in order */
  images: string[];
  stream: boolean;
  responseFormat?: unknown;
  authorization?: string;
}

type Part = { type: string; text?: string; image_url?: { url: string } };

export class LlmStandIn {
  private server?: http.Server;
  url = '';
  /** replies used in order; when empty, `fallback` answers */
  queue: ScriptedReply[] = [];
  fallback: (req: SeenRequest) => ScriptedReply = () => ({
    content: JSON.stringify({
      reply: '',
      confidence: 0,
      needsHuman: true,
      reason: 'stand-in has no scripted answer',
      citedIds: [],
      proposedTags: [],
    }),
  });
  seen: SeenRequest[] = [];
  /** what transcriptions answer, in order; when empty, `fallbackTranscript` */
  transcripts: ScriptedReply[] = [];
  fallbackTranscript = '';
  /** the speech-to-text requests received: the model and the uploaded file */
  seenTranscriptions: { model: string; filename: string; bytes: number; contentType: string }[] = [];
  /** every reply waits at least this long (for timeout tests and benchmarks) */
  latencyMs = 0;
  /** tokens reported as usage in answers actually delivered: what a provider would bill */
  tokensBilled = 0;

  async start(port = 0): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === 'POST' && req.url?.endsWith('/audio/transcriptions'))
      return this.transcribe(req, Buffer.concat(chunks), res);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions'))
      return this.error(res, 404, 'not_found', 'Unknown endpoint');
    let body: Record<string, any>;
    try {
      body = JSON.parse(raw);
    } catch {
      return this.error(res, 400, 'invalid_request_error', 'Invalid JSON body');
    }
    const seen: SeenRequest = {
      model: body.model,
      messages: ((body.messages ?? []) as { role: string; content: unknown }[]).map((m) => ({
        role: m.role,
        content: Array.isArray(m.content)
          ? (m.content as Part[]).flatMap((p) => (p.type === 'text' && p.text ? [p.text] : [])).join('\n')
          : String(m.content ?? ''),
      })),
      images: ((body.messages ?? []) as { content: unknown }[]).flatMap((m) =>
        Array.isArray(m.content)
          ? (m.content as Part[]).flatMap((p) => (p.type === 'image_url' && p.image_url ? [p.image_url.url] : []))
          : [],
      ),
      stream: Boolean(body.stream),
      responseFormat: body.response_format,
      authorization: req.headers.authorization,
    };
    this.seen.push(seen);
    if (!req.headers.authorization?.startsWith('Bearer '))
      return this.error(res, 401, 'invalid_api_key', 'Missing API key');
    const reply = this.queue.shift() ?? this.fallback(seen);
    const wait = Math.max(this.latencyMs, reply.latencyMs ?? 0);
    if (wait) await new Promise((r) => setTimeout(r, wait));
    if (res.destroyed) return;
    if (reply.status)
      return this.error(
        res,
        reply.status,
        reply.status === 429 ? 'rate_limit_exceeded' : 'server_error',
        'Injected failure',
      );
    // Like a real endpoint, the answer stops at max_tokens (finish_reason "length"); two characters count as a token.
    const maxTokens = Number(body.max_completion_tokens ?? body.max_tokens ?? Infinity);
    const content =
      Math.ceil(reply.content.length / 2) > maxTokens ? reply.content.slice(0, maxTokens * 2) : reply.content;
    const finish = content === reply.content ? 'stop' : 'length';
    const prompt = Math.ceil(raw.length / 2);
    const completion = Math.ceil(content.length / 2);
    const usage = { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
    this.tokensBilled += usage.total_tokens;
    const id = `chatcmpl-standin-${this.seen.length}`;
    const created = Math.floor(Date.now() / 1000);
    if (seen.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const pieces = content.match(/.{1,8}/gsu) ?? [''];
      for (const [i, piece] of pieces.entries()) {
        if (i === reply.stallAfterChunks) return; // headers and some text sent; the rest never comes
        res.write(
          `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`,
        );
      }
      res.write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta: {}, finish_reason: finish }], usage })}\n\n`,
      );
      res.end('data: [DONE]\n\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id,
        object: 'chat.completion',
        created,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finish }],
        usage,
      }),
    );
  }

  /** Speech to text (OpenAI's /audio/transcriptions): a multipart form with `file` and `model`; answers {text}. */
  private async transcribe(req: http.IncomingMessage, raw: Buffer, res: http.ServerResponse): Promise<void> {
    if (!req.headers.authorization?.startsWith('Bearer '))
      return this.error(res, 401, 'invalid_api_key', 'Missing API key');
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(req.headers['content-type'] ?? '');
    if (!boundary) return this.error(res, 400, 'invalid_request_error', 'Expected multipart/form-data');
    const parts = new Map<string, { filename?: string; contentType?: string; body: Buffer }>();
    const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
    for (let at = raw.indexOf(delimiter); at >= 0;) {
      const next = raw.indexOf(delimiter, at + delimiter.length);
      if (next < 0) break;
      const part = raw.subarray(at + delimiter.length + 2, next - 2); // CRLF after the delimiter, before the next
      const headEnd = part.indexOf('\r\n\r\n');
      const head = part.subarray(0, headEnd).toString('utf8');
      const name = /name="([^"]+)"/.exec(head)?.[1];
      if (name)
        parts.set(name, {
          filename: /filename="([^"]*)"/.exec(head)?.[1],
          contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1],
          body: part.subarray(headEnd + 4),
        });
      at = next;
    }
    const file = parts.get('file');
    const model = parts.get('model')?.body.toString('utf8') ?? '';
    if (!file || !model) return this.error(res, 400, 'invalid_request_error', 'file and model are required');
    this.seenTranscriptions.push({
      model,
      filename: file.filename ?? '',
      bytes: file.body.length,
      contentType: file.contentType ?? '',
    });
    const reply = this.transcripts.shift() ?? { content: this.fallbackTranscript };
    const wait = Math.max(this.latencyMs, reply.latencyMs ?? 0);
    if (wait) await new Promise((r) => setTimeout(r, wait));
    if (reply.status) return this.error(res, reply.status, 'server_error', 'Injected failure');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: reply.content }));
  }

  private error(res: http.ServerResponse, status: number, code: string, message: string) {
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: { message, type: code, code } }));
  }
}
