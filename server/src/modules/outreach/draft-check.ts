// The guardrails on a scenario's text (ai/guardrails.ts) check what the shop's data backs: prices, hours, stock. A
// notice about a customer's own class or booking also quotes that record — its time, the teacher's notes — which
// the shop's menu and hours cannot back; those quoted pieces are set aside (as a customer's own words are) and the
// rest is checked as any text.
import { checkReply, type GuardrailResult } from '../ai/guardrails.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import type { Candidate } from './scenarios.js';

export function checkDraft(
  text: string,
  c: Pick<Candidate, 'citedIds' | 'quoted'>,
  kb: KnowledgeBase,
): GuardrailResult {
  const rest = (c.quoted ?? []).filter(Boolean).reduce((t, q) => t.replaceAll(q, '「」'), text);
  return checkReply(rest, c.citedIds, kb, kb.merchant.industry);
}
