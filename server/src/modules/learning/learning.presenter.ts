// What leaves the server of the shop's learning: unanswered groups with the customers' names (never their ids), and
// 问问小二's verdicts with the shop data they used as cards.
import type { AskVerdict, UnansweredGroup } from '@xiaoer/common/api/learning';
import type { AskOutcome, AskResult } from './ask-preview.service.js';
import { handoverReasonText } from './question-groups.js';
import type { UnansweredGroupRecord, UnansweredList } from './unanswered.service.js';

/** Examples shown per group: the latest. */
const EXAMPLES = 3;

export function presentUnansweredGroup(
  g: UnansweredGroupRecord,
  names: UnansweredList['customerNames'],
): UnansweredGroup {
  return {
    id: g.latest._id.toHexString(),
    question: g.question,
    count: g.members.length,
    variants: g.variants,
    examples: g.members.slice(0, EXAMPLES).map((m) => ({
      question: m.question,
      customerName: names.get(m.externalUserId) ?? '一位客户',
      channel: m.channel,
      reason: handoverReasonText(m.reason),
      at: m.at.toISOString(),
    })),
    lastAt: g.latest.at.toISOString(),
  };
}

export const presentUnanswered = (list: UnansweredList) => ({
  groups: list.groups.map((g) => presentUnansweredGroup(g, list.customerNames)),
  total: list.groups.reduce((n, g) => n + g.members.length, 0),
});

const KIND_NAMES = {
  product: '商品',
  faq: '常见问答',
  policy: '店铺规定',
  shop: '门店',
  fact: '店铺信息',
};

/** A kind of passage the cards name; a kind added to the knowledge later shows as 店铺资料 until named here. */
const known = (kind: string): kind is keyof typeof KIND_NAMES => kind in KIND_NAMES;

const VIOLATIONS: Record<string, string> = {
  uncited_id: '引用了店铺资料里没有的内容',
  price_not_in_data: '提到的价格店铺资料里没有',
  discount_not_in_data: '提到的优惠店铺资料里没有',
  hours_not_in_data: '提到的时间店铺资料里没有',
  stock_mismatch: '库存说法和资料不符',
  ad_law_term: '用了广告法禁用词',
  efficacy_claim: '用了功效承诺',
  sensitive_word: '有敏感词',
  too_long: '回答太长',
};

function presentVerdict(o: AskOutcome): AskVerdict {
  const blocked = o.violations.map((v) => `${VIOLATIONS[v.kind] ?? '没通过核对'}：${v.detail}`);
  return {
    engine: o.engine,
    engineName: o.engine === 'llm' ? 'AI 模型' : '离线引擎',
    action: o.action,
    reply: o.reply,
    ...(o.action === 'handoff'
      ? { handoffReason: blocked.length ? '回答没通过核对，已拦截' : handoverReasonText(o.answer.reason) }
      : {}),
    confidence: Math.round(o.answer.confidence * 100) / 100,
    cited: o.cited.map((c) => ({
      id: c.id,
      kind: known(c.kind) ? c.kind : 'other',
      kindName: known(c.kind) ? KIND_NAMES[c.kind] : '店铺资料',
      title: c.title,
      detail: c.text,
    })),
    blocked,
  };
}

export const presentAsk = (r: AskResult) => ({
  offline: presentVerdict(r.offline),
  llm: r.llm && presentVerdict(r.llm),
  ...(r.llmFailed ? { llmError: 'AI 模型这次没有回答（超时或出错），顾客会收到离线引擎的回答' } : {}),
});
