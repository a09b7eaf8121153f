// An industry template: what a new shop of that industry starts with, for the owner to review and edit. Every text
// states only what the shop's own data backs: the shop's facts come in through placeholders filled from the merchant
// and its shops when the template is applied, and what only the owner knows (refund limits, delivery range, fees) is
// a blank — 【请填写：…】 — which keeps the item out of the bot's answers and the scripts out of staff's hands until
// the owner fills it.
import type { CalendarTopic } from '@xiaoer/common/constants/groups';
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

/**
 * The record a group post's facts come from, found in the shop's data when the post is drafted; no record → no post.
 * `none`: the text states no fact of the shop (an invitation, a general tip), which the template test checks.
 */
export const GROUP_POST_SOURCES = {
  /** a product tagged 新品, on sale: {商品} {价格} {特点} */
  new_product: ['{商品}', '{价格}', '{特点}'],
  /** the on-sale product with the most stock on hand (a number the POS reported): {商品} {价格} */
  stocked_product: ['{商品}', '{价格}'],
  /** an on-sale product tagged 爆款: {商品} {价格} */
  popular_product: ['{商品}', '{价格}'],
  /** the group's customers whose birthday falls in the week: {寿星} */
  birthdays: ['{寿星}'],
  /** the week's classes of the group's students: {节次} {出勤率} {全勤} */
  attendance: ['{节次}', '{出勤率}', '{全勤}'],
  /** a self-check the shop wrote down (a policy naming 自查 / 食品安全 / 卫生 / 消毒): {记录} */
  self_check: ['{记录}'],
  none: [],
} as const satisfies Record<string, readonly string[]>;
export type GroupPostSource = keyof typeof GROUP_POST_SOURCES;
/** Filled in every group post: the calendar slot's own title. */
export const GROUP_POST_PLACEHOLDERS = ['{标题}'] as const;

export interface GroupPostText {
  source: GroupPostSource;
  text: string;
}
/** The industry's group-calendar texts by topic; a topic it has none for is not drafted. */
export type GroupPostTexts = Partial<Record<CalendarTopic, GroupPostText>>;

export interface IndustryTemplate {
  industry: Industry;
  tone: CopyTone;
  faqs: StarterFaq[];
  policies: StarterPolicy[];
  scripts: StarterScript[];
  welcomes: StarterWelcome[];
  /** the group calendar's posts, in the industry's interaction formats (groups/interaction-parser.ts) */
  groupPosts: GroupPostTexts;
  /** the proactive scenarios switched on and their knobs (the one table in common/constants/scenarios.ts) */
  scenarios: (typeof INDUSTRY_TEMPLATES)[Industry];
}

/** The industry's scenario defaults, from the scenario catalogue. */
export const scenariosOf = (industry: Industry) => INDUSTRY_TEMPLATES[industry];
