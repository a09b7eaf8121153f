// Proactive texts in the shop's own voice. Every scenario grounds a template in the customer's data; when the merchant
// has configured an LLM it rewrites that template from the same facts, and the rewrite is used only if it passes the
// guardrails — otherwise, and whenever the LLM fails or is slow, the template stands. A day's run asks the LLM for at
// most 50 texts, four at a time: the owner reads the first ones, and a run must not wait on hundreds of calls.
import { SCENARIOS } from '@xiaoer/common/constants/scenarios';
import type { Logger } from '../../logging/logger.js';
import type { AnswerEngine } from '../ai/auto-reply.service.js';
import { checkDraft } from './draft-check.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import { inTone, toneBrief, toneOf } from '../templates/copy-tone.js';
import { call, type Candidate, type Scenario } from './scenarios.js';

export const MAX_COMPOSED_PER_RUN = 50;
const CONCURRENCY = 4;

export type Written = Candidate & { writtenBy: 'llm' | 'template' };

export async function writeDrafts(
  engine: AnswerEngine,
  kb: KnowledgeBase,
  scenario: Scenario['key'],
  candidates: Candidate[],
  logger: Logger,
): Promise<Written[]> {
  // the industry's tone: the template as it writes (no emoji to parents), and the LLM told how it speaks
  const tone = toneOf(kb.merchant.industry);
  const written: Written[] = candidates.map((c) => ({ ...c, text: inTone(c.text, tone), writtenBy: 'template' }));
  if (!engine.compose) return written;
  const compose = engine.compose.bind(engine);
  let next = 0;
  const worker = async () => {
    while (next < Math.min(written.length, MAX_COMPOSED_PER_RUN)) {
      const draft = written[next++]!;
      try {
        const out = await compose(kb, {
          scenario: SCENARIOS[scenario].name,
          customerName: call(draft.customer),
          reason: draft.reason,
          draft: draft.text,
          citedIds: draft.citedIds,
          tone: toneBrief(tone),
        });
        const citedIds = out.citedIds.filter((id) => draft.citedIds.includes(id));
        if (checkDraft(out.text, { citedIds, quoted: draft.quoted }, kb).ok)
          Object.assign(draft, { text: out.text, citedIds, writtenBy: 'llm' });
      } catch (err) {
        logger.warn({ err: (err as Error).message, scenario }, 'outreach text kept as template');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return written;
}
