// The embedded engine used when no LLM is configured (and when the LLM fails): it answers only from the shop's own
// data with fixed templates, and says it does not know — asking for a person — whenever it is not sure. It never
// writes a fact that is not in the shop's data.
import type { AiAnswer } from '@xiaoer/common/schemas/ai';
import type { ProductRecord } from '../catalog/product.repository.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import { yuanText } from '@xiaoer/common/money';
import { describeHours, type Passage } from '../knowledge/passages.js';
import { normalize } from '../knowledge/tokenizer.js';
import { detectIntent, type Intent } from './intents.js';

export const DONT_KNOW = '这个问题我需要请店员确认一下，稍后回复您～';
const HANDOFF_REPLY = '好的，马上为您转接店员，请稍等～';

const answer = (reply: string, citedIds: string[], reason: string, confidence = 0.9): AiAnswer => ({
  reply,
  confidence,
  needsHuman: false,
  reason,
  citedIds,
  proposedTags: [],
});
const handoff = (reason: string, reply = DONT_KNOW): AiAnswer => ({
  reply,
  confidence: 0,
  needsHuman: true,
  reason,
  citedIds: [],
  proposedTags: [],
});

const bigrams = (s: string) => {
  const t = normalize(s).replace(/[^\u4e00-\u9fffa-z0-9]/g, '');
  return new Set(Array.from({ length: Math.max(0, t.length - 1) }, (_, i) => t.slice(i, i + 2)));
};

// How customers phrase a question, as opposed to what it is about: removed before matching the FAQ, so "榴莲千层
// 多少钱" cannot match "wifi密码是多少" on 多少.
const ASKING =
  /(请问|多少钱|多少|价格|价钱|几块|怎么卖|怎么收费|收费|怎么|如何|有没有|还有吗|还有|有货|没货|卖完|售罄|名额|今天|有吗|可以吗|可以|能不能|能否|能|吗|呢|吧|呀|啊|你们|我们|我|你|的|了|一下|[？?，,。.！!~～\s])/g;

/**
 * Products the question names: most of the product name's character pairs appear in the question ("杨枝甘露多少钱"),
 * or most of what the question is about appears in the name ("脐橙" → 赣南脐橙).
 */
export function mentionedProducts(kb: KnowledgeBase, question: string): ProductRecord[] {
  const q = bigrams(question);
  const content = bigrams(question.replace(ASKING, ''));
  const scored = kb.products
    .map((p) => {
      const name = bigrams(p.name);
      const nameCovered = name.size ? [...name].filter((b) => q.has(b)).length / name.size : 0;
      const questionCovered = content.size ? [...content].filter((b) => name.has(b)).length / content.size : 0;
      return { p, ratio: Math.max(nameCovered, questionCovered) };
    })
    .filter((x) => x.ratio >= 0.6)
    .sort((a, b) => b.ratio - a.ratio);
  const best = scored[0]?.ratio ?? 0;
  return scored.filter((x) => x.ratio === best).map((x) => x.p);
}

function priceLine(p: ProductRecord): string {
  const sizes = p.specs.find((g) => g.options.some((o) => o.priceDelta));
  const extra = sizes?.options
    .filter((o) => o.priceDelta)
    .map((o) => `${o.label}加${yuanText(o.priceDelta)}元`)
    .join('，');
  const base = sizes
    ? `${sizes.options.find((o) => !o.priceDelta)?.label ?? ''}${yuanText(p.price)}元`
    : `${yuanText(p.price)}元`;
  return `${p.name}${base}${extra ? `，${extra}` : ''}`;
}

const soldOut = (p: ProductRecord) => !p.available || p.stock === 0;

function productAnswer(intent: Intent, products: ProductRecord[]): AiAnswer {
  const cited = products.map((p) => `product:${p._id}`);
  if (intent === 'stock') {
    const lines = products.map((p) =>
      soldOut(p)
        ? `${p.name}今天已经售罄了`
        : p.stock !== undefined && p.stock <= 5
          ? `${p.name}还有，但只剩${p.stock}份了`
          : `${p.name}有的`,
    );
    return answer(`${lines.join('；')}～`, cited, 'stock from product data');
  }
  const lines = products.map((p) => `${priceLine(p)}${soldOut(p) ? '（今天已售罄）' : ''}`);
  return answer(`${lines.join('；')}。`, cited, 'price from product data');
}

const coverage = (content: string, passageText: string) => {
  const want = bigrams(content);
  if (!want.size) return 0;
  const have = bigrams(passageText);
  return [...want].filter((b) => have.has(b)).length / want.size;
};

/** The FAQ or policy that clearly answers the question: high BM25 rank and most of the question's substance in it. */
function topFaq(kb: KnowledgeBase, question: string): Passage | undefined {
  const content = question.replace(ASKING, '');
  if (content.length < 2) return undefined;
  const hit = kb.search(content, 3).find((s) => s.item.kind === 'faq' || s.item.kind === 'policy');
  return hit && coverage(content, hit.item.text) >= 0.5 ? hit.item : undefined;
}

const passageReply = (p: Passage) => (p.kind === 'faq' ? p.answer : p.kind === 'policy' ? p.content : p.text);

/** What the engine may know besides the message: the customer's earlier messages in this chat, oldest first. */
export interface OfflineContext {
  history?: string[];
}

export function offlineAnswer(kb: KnowledgeBase, question: string, _context: OfflineContext = {}): AiAnswer {
  const intent = detectIntent(question);
  if (intent === 'human') return handoff('customer asked for a person', HANDOFF_REPLY);
  if (intent === 'complaint') return handoff('complaint', '非常抱歉给您带来不好的体验，我马上请店长来处理～');
  if (intent === 'opt_out') return handoff('opt-out is handled before the engine');
  if (intent === 'greeting') return answer(`您好，这里是${kb.merchant.name}，请问有什么可以帮您？`, [], 'greeting');
  if (intent === 'thanks') return answer('不客气，欢迎随时来玩～', [], 'thanks');

  const products = mentionedProducts(kb, question);
  if ((intent === 'price' || intent === 'stock') && products.length) return productAnswer(intent, products);

  const shopIds = kb.shops.map((s) => `shop:${s._id}`);
  if (intent === 'hours') {
    const hours = describeHours(kb.merchant);
    if (!hours) return handoff('no business hours configured');
    return answer(`我们的营业时间是${hours}。`, shopIds, 'hours from merchant settings');
  }
  if (intent === 'address') {
    const withAddress = kb.shops.filter((s) => s.address);
    if (!withAddress.length) return handoff('no shop address configured');
    return answer(
      withAddress.map((s) => `${s.name}：${s.address}`).join('；') + '。',
      withAddress.map((s) => `shop:${s._id}`),
      'address from shop data',
    );
  }
  if (intent === 'phone') {
    const withPhone = kb.shops.filter((s) => s.phone);
    if (!withPhone.length) return handoff('no shop phone configured');
    return answer(
      withPhone.map((s) => `${s.name}：${s.phone}`).join('；') + '。',
      withPhone.map((s) => `shop:${s._id}`),
      'phone from shop data',
    );
  }
  if (intent === 'recommend' && !products.length) {
    const picks = kb.products
      .filter((p) => !soldOut(p) && (p.tags.includes('爆款') || p.tags.includes('新品')))
      .slice(0, 3);
    if (!picks.length) return handoff('nothing to recommend from data');
    return answer(
      `推荐您试试：${picks.map((p) => `${p.name}（${yuanText(p.price)}元${p.tags.includes('新品') ? '，新品' : ''}）`).join('、')}～`,
      picks.map((p) => `product:${p._id}`),
      'recommendation from tagged products',
    );
  }

  // Delivery, refund and booking questions: the shop's own policy of that kind, when it has one.
  const policyKind = ({ delivery: 'delivery', refund: 'refund', booking: 'booking' } as const)[
    intent as 'delivery' | 'refund' | 'booking'
  ];
  const policy = policyKind && kb.passages.find((p) => p.kind === 'policy' && p.policyKind === policyKind);
  if (policy) return answer(passageReply(policy), [policy.id], `answered from the ${policyKind} policy`, 0.8);

  // Anything else: the shop's own FAQ or policy, when it clearly matches.
  const faq = topFaq(kb, question);
  if (faq) return answer(passageReply(faq), [faq.id], `answered from ${faq.kind}`, 0.75);
  if ((intent === 'price' || intent === 'stock' || intent === 'recommend') && !products.length)
    return handoff('product not found in the menu');
  return handoff(`no knowledge for intent ${intent}`);
}
