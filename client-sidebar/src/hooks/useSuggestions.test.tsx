import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Draft, SuggestionHandlers } from '../services/suggestions';
import { useSuggestions } from './useSuggestions';

const draft = (kind: Draft['kind'], text: string): Draft => ({ kind, text, reason: 'r', citedIds: [] });

/** A stream the test drives by hand: each call is kept with its handlers and a way to finish it. */
function manualStream() {
  const calls: { question: string; handlers: SuggestionHandlers; finish(error?: Error): void }[] = [];
  const stream = (_customerId: string, question: string, handlers: SuggestionHandlers) =>
    new Promise<void>((resolve, reject) =>
      calls.push({ question, handlers, finish: (e) => (e ? reject(e) : resolve()) }),
    );
  return { calls, stream };
}

describe('useSuggestions', () => {
  it('shows the answer being written, then the drafts in slot order', async () => {
    const m = manualStream();
    const { result } = renderHook(() => useSuggestions('c1', m.stream));
    act(() => result.current.ask('多少钱'));
    expect(result.current.streaming).toBe(true);
    act(() => {
      m.calls[0]!.handlers.onDraft(draft('new_item', '新品'));
      m.calls[0]!.handlers.onAnswerText('杨枝');
    });
    expect(result.current.answerPreview).toBe('杨枝');
    act(() => m.calls[0]!.handlers.onDraft(draft('answer', '杨枝甘露18元')));
    expect(result.current.answerPreview).toBeUndefined();
    expect(result.current.drafts.map((d) => d.kind)).toEqual(['answer', 'new_item']);
    await act(async () => m.calls[0]!.finish());
    expect(result.current.streaming).toBe(false);
  });

  it('drops an unfinished answer at the end, ignores a replaced question, and reports errors', async () => {
    const m = manualStream();
    const { result } = renderHook(() => useSuggestions('c1', m.stream));
    act(() => result.current.ask('第一个'));
    act(() => result.current.ask('第二个'));
    act(() => m.calls[0]!.handlers.onDraft(draft('answer', '旧的')));
    expect(result.current.drafts).toEqual([]); // the first question was replaced
    act(() => m.calls[1]!.handlers.onAnswerText('被拦下的回答'));
    await act(async () => m.calls[1]!.finish());
    expect(result.current.answerPreview).toBeUndefined(); // it never passed the checks
    act(() => result.current.ask('第三个'));
    await act(async () => m.calls[2]!.finish(new Error('网络连接失败，请检查网络后重试')));
    await waitFor(() => expect(result.current.error).toBe('网络连接失败，请检查网络后重试'));
  });
});
