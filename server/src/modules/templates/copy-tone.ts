// The industry's copy tone (templates/industries/*.ts) applied to what Xiaoer writes for customers beyond the starters:
// scenario drafts, the reply a bad-review alert suggests. Pure, so the drafts, the alerts and the LLM brief share it.
import type { Industry } from '@xiaoer/common/constants/industries';
import type { CopyTone } from '@xiaoer/common/schemas/knowledge-template';
import { INDUSTRY_KNOWLEDGE } from './templates.js';

export const toneOf = (industry: Industry): CopyTone => INDUSTRY_KNOWLEDGE[industry].tone;

const EMOJI = /\p{Extended_Pictographic}\uFE0F?/gu;

/** The text as the tone writes it: no emoji where the industry uses none (a tutoring centre writing to parents). */
export const inTone = (text: string, tone: Pick<CopyTone, 'emoji'>): string =>
  tone.emoji ? text : text.replace(EMOJI, '').replace(/\s{2,}/g, ' ');

/** How a text to a customer not named opens in the tone's address: 亲， / 家长您好， / nothing for a plain 您. */
export const greeting = (tone: Pick<CopyTone, 'address'>): string =>
  tone.address === '您' ? '' : tone.address === '亲' ? '亲，' : `${tone.address}您好，`;

/** The tone as one line of an LLM brief. */
export const toneBrief = (tone: CopyTone): string =>
  `口吻：${tone.style}；称呼顾客用“${tone.address}”；${tone.emoji ? '可以用一两个表情' : '不用表情符号'}。参考语气：${tone.sample}`;
