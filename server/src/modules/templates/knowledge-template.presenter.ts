import type {
  KnowledgeTemplateDto,
  KnowledgeTemplateResult,
  WelcomeText,
} from '@xiaoer/common/schemas/knowledge-template';

type Counts = KnowledgeTemplateDto['counts'];
const presentCounts = (c: Counts): Counts => ({ faq: c.faq, policy: c.policy, script: c.script, welcome: c.welcome });

/** The industry's template as the knowledge step shows it: its tone, how many starters, the scenarios it switches on. */
export const presentKnowledgeTemplate = (t: KnowledgeTemplateDto): KnowledgeTemplateDto => ({
  industry: t.industry,
  tone: { style: t.tone.style, address: t.tone.address, emoji: t.tone.emoji, sample: t.tone.sample },
  counts: presentCounts(t.counts),
  scenarios: [...t.scenarios],
  ...(t.appliedAt ? { appliedAt: t.appliedAt } : {}),
});

/** What applying the template did. */
export const presentTemplateResult = (r: KnowledgeTemplateResult): KnowledgeTemplateResult => ({
  industry: r.industry,
  created: presentCounts(r.created),
  kept: r.kept,
  scenarios: r.scenarios,
  welcomesWaitForWecom: r.welcomesWaitForWecom,
  needsOwner: r.needsOwner,
});

/** The welcome texts per channel: the channel and its text, not the stored sub-document. */
export const presentWelcomeTexts = (items: WelcomeText[]) => ({
  items: items.map((w) => ({ channel: w.channel, text: w.text })),
});
