import { useCallback, useEffect, useRef, useState } from 'react';
import { streamSuggestions, type Draft } from '../services/suggestions';

export interface Suggestions {
  drafts: Draft[];
  /** the answer as the AI writes it, until its finished draft arrives */
  answerPreview?: string;
  streaming: boolean;
  error?: string;
  ask(question: string): void;
}

const ORDER: Draft['kind'][] = ['answer', 'favourite', 'new_item'];

/** Streams three drafts for a customer; a new question replaces the drafts of the last one. */
export function useSuggestions(customerId: string, stream = streamSuggestions): Suggestions {
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [answerPreview, setPreview] = useState<string>();
  const [streaming, setStreaming] = useState(false);
  const [error, setError] = useState<string>();
  const current = useRef<AbortController>();

  const ask = useCallback(
    (question: string) => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setDrafts([]);
      setPreview(undefined);
      setError(undefined);
      setStreaming(true);
      const live = () => !controller.signal.aborted;
      stream(
        customerId,
        question,
        {
          onAnswerText: (text) => live() && setPreview(text),
          onDraft: (draft) => {
            if (!live()) return;
            if (draft.kind === 'answer') setPreview(undefined);
            setDrafts((list) => [...list, draft].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind)));
          },
        },
        controller.signal,
      )
        .catch((e: Error) => live() && setError(e.message))
        .finally(() => {
          if (!live()) return;
          setStreaming(false);
          setPreview(undefined); // an answer that did not pass the checks is not offered
        });
    },
    [customerId, stream],
  );

  useEffect(() => () => current.current?.abort(), []);
  return { drafts, answerPreview, streaming, error, ask };
}
