// An OpenAI-compatible stand-in: POST /v1/chat/completions (plain, JSON-schema response_format, and SSE streaming)
// with latency and failure injection. The product talks to it with the real `openai` SDK through a base URL.
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
  messages: { role: string; content: string }[];
  stream: boolean;
  responseFormat?: unknown;
  authorization?: string;
}

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
    let raw = '';
    for await (const chunk of req) raw += chunk;
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
      messages: body.messages ?? [],
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

  private error(res: http.ServerResponse, status: number, code: string, message: string) {
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: { message, type: code, code } }));
  }
}
