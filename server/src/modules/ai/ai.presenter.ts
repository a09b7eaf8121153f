import type { LlmSettingsView, SuggestionDraft } from '@xiaoer/common/api/ai';
import type { Draft } from './suggestions.service.js';

/** A draft for the sidebar: its slot, text, why, and the records it cites. */
export const presentSuggestionDraft = (d: Draft): SuggestionDraft => ({
  kind: d.kind,
  text: d.text,
  reason: d.reason,
  citedIds: [...d.citedIds],
});

/** The merchant's LLM as the owner sees it: the key only masked (the service masks it), never the sealed one. */
export const presentLlmSettings = (v: LlmSettingsView): LlmSettingsView =>
  v.configured
    ? {
        configured: true,
        engine: 'llm',
        baseUrl: v.baseUrl,
        model: v.model,
        apiKey: v.apiKey,
        dailyTokenBudget: v.dailyTokenBudget,
        tokensToday: v.tokensToday,
        ...(v.speechModel ? { speechModel: v.speechModel } : {}),
        ...(v.visionModel ? { visionModel: v.visionModel } : {}),
      }
    : { configured: false, engine: 'offline' };

/** 智能纪要: the summary and the tags the customer's own words suggest. */
export const presentCustomerSummary = (s: { summary: string; proposedTags: string[] }) => ({
  summary: s.summary,
  proposedTags: [...s.proposedTags],
});
