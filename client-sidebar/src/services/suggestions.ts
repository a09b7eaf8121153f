// The AI drafts, streamed as server-sent events over fetch (EventSource cannot send the Authorization header):
// `answer_text` while the answer is being written, `draft` for each finished draft, then `done` or `error`.
import { suggestionStream, type SuggestionDraft } from '@xiaoer/common/api/ai';
import { API_ROOT, endpointUrl } from '@xiaoer/common/api/contract';
import { createParser } from 'eventsource-parser';
import { ApiError, session } from './api';

export type Draft = SuggestionDraft;

export interface SuggestionHandlers {
  onAnswerText(text: string): void;
  onDraft(draft: Draft): void;
}

export async function streamSuggestions(
  customerId: string,
  question: string,
  handlers: SuggestionHandlers,
  signal?: AbortSignal,
  base = '',
): Promise<void> {
  const path = endpointUrl(suggestionStream, { query: { customerId, question: question.trim() || undefined } });
  const token = session.get();
  let res: Response;
  try {
    res = await fetch(`${base}${API_ROOT}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') return;
    throw new ApiError('网络连接失败，请检查网络后重试', 0, 'network');
  }
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    throw new ApiError(body?.message ?? '生成建议失败，请重试', res.status);
  }
  let failure: string | undefined;
  let done = false;
  const parser = createParser({
    onEvent(event) {
      const data = JSON.parse(event.data) as Record<string, unknown>;
      if (event.event === 'answer_text') handlers.onAnswerText(String(data.text ?? ''));
      else if (event.event === 'draft') handlers.onDraft(data as unknown as Draft);
      else if (event.event === 'error') failure = String(data.message ?? '生成建议失败，请重试');
      else if (event.event === 'done') done = true;
    },
  });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      parser.feed(value);
    }
  } catch (err) {
    if ((err as Error).name === 'AbortError') return;
    throw new ApiError('连接中断了，请重试', 0, 'network');
  }
  if (failure) throw new ApiError(failure, 500);
  if (!done) throw new ApiError('连接中断了，请重试', 0, 'network');
}
