// What a merchant's LLM endpoint can do besides answering: transcribe a voice note (an OpenAI-style
// /audio/transcriptions model) and read a picture (a chat model that takes image content). Each only where the
// owner's settings name the model for it; each call is reserved in the day's token budget first, like any answer.
import OpenAI, { toFile } from 'openai';
import type { Reservation } from './token-budget.js';

/** What a call is reserved at: a 60 s voice note or one picture with a one-line answer, generously. */
const SPEECH_TOKENS = 1500;
const VISION_TOKENS = 2000;
const VISION_MAX_OUTPUT = 120;

/** What the picture asks, in the customer's words; this answer when it asks nothing the shop could answer. */
export const NOTHING_ASKED = '无法判断';

const VISION_PROMPT =
  '顾客在店铺的微信客服里发来这张图片。请用顾客的口吻，写出他最可能想问店里的一句话（中文，不超过40字，' +
  `只写这句话）。看不出顾客想问什么时，只回答：${NOTHING_ASKED}`;

export interface MediaRecognitionOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
  speechModel?: string;
  visionModel?: string;
  budget: { reserve(estimate: number): Promise<Reservation | null> };
}

export class LlmBudgetEmpty extends Error {}

/**
 * The SDK builds an upload with the global FormData, which the guarded fetch (npm undici, another FormData class)
 * would send as "[object FormData]": encode it here into bytes with its multipart content type.
 */
const sendingForms =
  (fetch: typeof globalThis.fetch): typeof globalThis.fetch =>
  async (input, init) => {
    if (!(init?.body instanceof FormData)) return fetch(input, init);
    const encoded = new Response(init.body);
    const headers = new Headers(init.headers);
    headers.set('content-type', encoded.headers.get('content-type')!);
    return fetch(input, { ...init, headers, body: Buffer.from(await encoded.arrayBuffer()) });
  };

export class MediaRecognition {
  private client: OpenAI;

  constructor(private options: MediaRecognitionOptions) {
    this.client = new OpenAI({
      baseURL: options.baseUrl,
      apiKey: options.apiKey,
      timeout: options.timeoutMs,
      maxRetries: 0,
      fetch: options.fetch && sendingForms(options.fetch),
    });
  }

  get hearsSpeech(): boolean {
    return !!this.options.speechModel;
  }

  get readsPictures(): boolean {
    return !!this.options.visionModel;
  }

  /** The voice note's words (empty when it said nothing the model could hear). */
  async transcribe(audio: Uint8Array, contentType: string): Promise<string> {
    const model = this.options.speechModel;
    if (!model) throw new Error('the endpoint offers no speech recognition');
    return this.metered(SPEECH_TOKENS, async () => {
      const extension = contentType.split('/')[1] ?? 'amr';
      const file = await toFile(Buffer.from(audio), `voice.${extension}`, { type: contentType });
      const result = await this.client.audio.transcriptions.create({ file, model, language: 'zh' });
      return { text: result.text.trim() };
    });
  }

  /** The question the picture asks, in the customer's words, or NOTHING_ASKED. */
  async readPicture(image: Uint8Array, contentType: string): Promise<string> {
    const model = this.options.visionModel;
    if (!model) throw new Error('the endpoint offers no vision');
    return this.metered(VISION_TOKENS, async () => {
      const url = `data:${contentType};base64,${Buffer.from(image).toString('base64')}`;
      const result = await this.client.chat.completions.create({
        model,
        max_tokens: VISION_MAX_OUTPUT,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: VISION_PROMPT },
              { type: 'image_url', image_url: { url } },
            ],
          },
        ],
      });
      return { text: result.choices[0]?.message.content?.trim() ?? '', usage: result.usage };
    });
  }

  private async metered(
    estimate: number,
    call: () => Promise<{
      text: string;
      usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
    }>,
  ): Promise<string> {
    const reservation = await this.options.budget.reserve(estimate);
    if (!reservation) throw new LlmBudgetEmpty('the daily token budget has no room for this call');
    let usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | undefined;
    let failed: unknown;
    try {
      const result = await call();
      usage = result.usage;
      return result.text;
    } catch (err) {
      failed = err;
      throw err;
    } finally {
      // the provider's count when it gave one; nothing when it refused the request; else what we reserved
      await reservation.settle(
        usage
          ? { prompt: usage.prompt_tokens, completion: usage.completion_tokens, total: usage.total_tokens }
          : failed instanceof OpenAI.APIError && typeof failed.status === 'number'
            ? { prompt: 0, completion: 0, total: 0 }
            : { prompt: estimate, completion: 0, total: estimate, estimated: true },
      );
    }
  }
}
