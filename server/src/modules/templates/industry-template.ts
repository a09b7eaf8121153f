// An industry template: what a new shop of that industry starts with, for the owner to review and edit. Every text
// states only what the shop's own data backs: the shop's facts come in through placeholders filled from the merchant
// and its shops when the template is applied, and what only the owner knows (refund limits, delivery range, fees) is
// a blank — 【请填写：…】 — which keeps the item out of the bot's answers and the scripts out of staff's hands until
// the owner fills it.
import type { Industry } from '@xiaoer/common/constants/industries';
import { INDUSTRY_TEMPLATES } from '@xiaoer/common/constants/scenarios';
import type { POLICY_KINDS } from '@xiaoer/common/schemas/knowledge';
import type { CopyTone, WelcomeChannel } from '@xiaoer/common/schemas/knowledge-template';

/** Filled for the customer at hand when a script is used (script-use.service). */
export const SCRIPT_PLACEHOLDERS = ['{客户称呼}'] as const;
/** Filled for each new customer when a welcome text is sent (customers/contacts/welcome-message.ts). */
export const WELCOME_PLACEHOLDERS = ['{客户称呼}', '{店名}'] as const;

/** Each starter has a stable key: a merchant gets it once, however often the template is applied. */
export interface StarterFaq {
  key: string;
  questions: string[];
  answer: string;
}
export interface StarterPolicy {
  key: string;
  kind: (typeof POLICY_KINDS)[number];
  title: string;
  content: string;
}
export interface StarterScript {
  key: string;
  category: string;
  title: string;
  content: string;
}
export interface StarterWelcome {
  channel: WelcomeChannel;
  text: string;
}

export interface IndustryTemplate {
  industry: Industry;
  tone: CopyTone;
  faqs: StarterFaq[];
  policies: StarterPolicy[];
  scripts: StarterScript[];
  welcomes: StarterWelcome[];
  /** the proactive scenarios switched on and their knobs (the one table in common/constants/scenarios.ts) */
  scenarios: (typeof INDUSTRY_TEMPLATES)[Industry];
}

/** The industry's scenario defaults, from the scenario catalogue. */
export const scenariosOf = (industry: Industry) => INDUSTRY_TEMPLATES[industry];
