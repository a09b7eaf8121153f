import type { FaqDto, PolicyDto } from '@xiaoer/common/schemas/knowledge-item';
import type { Faq, Policy } from './faq.model.js';
import type { Stored } from './knowledge-item.repository.js';

/** A question and its answer as the editor shows them: the id as a string, no tenant or bookkeeping. */
export const presentFaq = (f: Stored<Faq>): FaqDto => ({
  id: f._id.toHexString(),
  questions: f.questions,
  answer: f.answer,
});

export const presentPolicy = (p: Stored<Policy>): PolicyDto => ({
  id: p._id.toHexString(),
  kind: p.kind,
  title: p.title,
  content: p.content,
});
