// Every AI text is checked here before a customer sees it. Facts must come from the cited shop data, at the level
// they are stored: an amount of money (a product's, a variant's, an add-on's), a discount, a time, a stock claim for a
// product or one variant of it, an attribute's value, or a weekday said to be open that is closed (or the reverse)
// that the cited items do not support blocks the reply. So do terms the
// advertising law forbids, efficacy or medical claims for beauty and tutoring, sensitive words, and WeChat's length
// limit. A blocked reply is replaced by a safe answer or a handoff by the caller; every decision is logged there.
import type { Industry } from '@xiaoer/common/constants/industries';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import { yuanText } from '@xiaoer/common/money';
import { optionsLabel, type KnownProduct, type Passage } from '../knowledge/passages.js';
import { hoursOfShop, shopLabel } from './answers.js';

export type Violation =
  | 'price_not_in_data'
  | 'discount_not_in_data'
  | 'stock_mismatch'
  | 'attribute_mismatch'
  | 'closed_day_mismatch'
  | 'hours_not_in_data'
  | 'ad_law_term'
  | 'efficacy_claim'
  | 'sensitive_word'
  | 'too_long'
  | 'uncited_id';

export interface GuardrailResult {
  ok: boolean;
  violations: { kind: Violation; detail: string }[];
}

const MONEY = /(?:¥|￥)\s*(\d+(?:\.\d{1,2})?)|(\d+(?:\.\d{1,2})?)\s*(?:元|块钱|块|rmb)/gi;
const DISCOUNT = /(\d(?:\.\d)?折|半价|买一送一|第二杯[^，。,.\s]{0,4}|满\d+减\d+|立减\d+|免单|免费送|赠送)/g;
const CLOCK = /(\d{1,2})(?:[:：](\d{2})|点)/g;
// Advertising Law art. 9: absolute terms. Kept to unambiguous ones ("最近" and "最后" are ordinary words, so are
// 第一次, 第一泡 and a fabric's 100%棉; "当天吃完最好", "最好提前预约", "最好说一下", "每天练15分钟效果最好" give
// advice, so do "当天吃完口感最好" and "两个孩子水平最好差不多"; 最好喝的, 最好说话的, "效果最好" alone and
// "店里卖得最好的" are claims; a composition ("100%美利奴羊毛", "100%鸡胸肉") is no absolute term). "清仓款已经是最低价"
// states the floor of the shop's own prices; "全网已经是最低价" compares with others.
const AD_LAW =
  /((?<![吃喝用完穿洗味])(?<!(?:每天|每周|每次|\d\s*(?:分钟|小时|次|遍|天|周))[^，。！？；,.!?;]{0,6})(?<![吃喝用]完(?:口感|风味|味道))最好(?![别不先提尽当在放冷趁带约\d一二两三]|差不多|一样|一致|相同|相近|说一下|说下|说一声|说明|说清楚|讲一下|讲下|讲清楚|告诉|告知|发给|发过来|发一下|发下|发张|发个|发一张)|最佳|最便宜|(?:全网|全城|全市|全国|全平台|别家|同行|行业|市场|外面|附近|周边|本地|同城|网上|线上|淘宝|京东|拼多多)[^。！？；.!?;\n]{0,12}最低价|(?<!已经是|已是)最低价|(?<![取选按用])最优惠|最正宗|最高级|第一(?![次天步个杯件节周期批位名单遍口泡道条包箱份层排轮年季课堂阶家时]|本(?!土))|唯一|100%(?![\u4e00-\u9fff]{0,3}(棉|毛|绒|丝|纤维|涤|锦|麻|皮|聚|氨纶|果汁|原浆)|美利奴羊毛|(鸡胸|鸡腿|牛|羊|猪|鸭|鱼)肉|三文鱼)|百分百|百分之百|顶级|极品|国家级|世界级|绝对|万能|永久)/;
const EFFICACY =
  /(治疗|治愈|根治|疗效|药效|祛斑|祛痘|美白|减肥|瘦身|抗衰|包过(?![了期])|保过|保证提分|提分\d+|保证录取|稳上|包考上)/;
const MEDICAL = /(治病|处方|医治|抗癌|降血压|降血糖)/;
const SENSITIVE = /(赌博|博彩|色情|代开发票|套现|私彩)/;
/** 微信客服 text messages take at most 2048 bytes. */
const MAX_BYTES = 2048;

/** The names the owner gave a product, its variants' options and add-ons that hold an absolute term (a tea graded
 * 极品), longest first; kept per product object, since a knowledge base is rebuilt whenever its data changes. */
const adLawNames = new WeakMap<KnownProduct, string[]>();
function adLawNamesOf(p: KnownProduct): string[] {
  let names = adLawNames.get(p);
  if (!names) {
    names = [
      ...new Set([
        p.name,
        ...(p.variants ?? []).flatMap((v) => v.options.map((o) => o.value)),
        ...p.specs.flatMap((g) => g.options.map((o) => o.label)),
      ]),
    ]
      .filter((name) => AD_LAW.test(name))
      .sort((a, b) => b.length - a.length);
    adLawNames.set(p, names);
  }
  return names;
}

/** A name that is more than the term it holds ("极品肥牛", not the grade "极品" alone): the dish's name wherever said. */
const named = (name: string) => name.replace(AD_LAW, '').length > 0;

/** What follows a name when it is listed, as the answers list a catalogue: a weight or price, another item, stock
 * ("极品（极品已售罄）"). */
const LISTED_AFTER = /^(\d|[¥￥]|[（(]\d|[（(][^（）()]{0,20}(已售罄|有货)|、[^，。；！？,.;!?]*\d|已售罄|有货|等\d)/;

/** The amounts (in yuan) a reply may mention: prices of cited products and their options, and numbers in cited text. */
function allowedAmounts(cited: Passage[]): Set<string> {
  const amounts = new Set<string>();
  for (const p of cited) {
    if (p.kind === 'product') {
      const bases = [p.product.price, ...(p.product.variants ?? []).map((v) => v.price)];
      for (const base of bases) amounts.add(yuanText(base));
      for (const o of p.product.specs.flatMap((g) => g.options)) {
        for (const base of bases) amounts.add(yuanText(base + o.priceDelta));
        if (o.priceDelta) amounts.add(yuanText(o.priceDelta)); // "大杯加3元"
      }
      // amounts the owner wrote into the description or an attribute ("押金200元")
      for (const m of `${p.product.description ?? ''} ${(p.product.attributes ?? []).map((a) => a.value).join(' ')}`.matchAll(
        /\d+(?:\.\d{1,2})?/g,
      ))
        amounts.add(String(Number(m[0])));
    } else {
      for (const m of p.text.matchAll(/\d+(?:\.\d{1,2})?/g)) amounts.add(String(Number(m[0])));
    }
  }
  return amounts;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const soldOut = (x: { available: boolean; stock?: number }) => !x.available || x.stock === 0;
const IN_STOCK = '(有的|有货|还有|可以点|现货|能买|可以买)';

/** "有货" said of a product, or of one of its variants ("黄色L有货"), that the data says is sold out. */
function stockClaims(reply: string, product: KnownProduct): GuardrailResult['violations'] {
  const found: GuardrailResult['violations'] = [];
  const variants = product.variants ?? [];
  const allOut = variants.length ? variants.every(soldOut) : soldOut(product);
  if (allOut && new RegExp(`${escape(product.name)}[^。；;，,]{0,6}${IN_STOCK}`).test(reply))
    found.push({ kind: 'stock_mismatch', detail: product.name });
  for (const v of variants.filter(soldOut)) {
    // as the answers label it ("黑框G15 58mm") or run together ("XL175")
    const label = optionsLabel(v);
    const labels = [...new Set([label, label.replace(/ /g, '')])].filter(Boolean);
    if (labels.some((l) => new RegExp(`${escape(l)}[^。；;，,、]{0,4}${IN_STOCK}`).test(reply)))
      found.push({ kind: 'stock_mismatch', detail: `${product.name}${label}` });
  }
  return found;
}

/**
 * "材质：纯棉" / "保质期是12个月": the value said must be the one stored. With several products in a reply, a clause
 * is held to the product it names ("洋槐蜜保质期：24个月；蜂巢蜜保质期：18个月").
 */
function attributeClaims(reply: string, product: KnownProduct, others: KnownProduct[]): GuardrailResult['violations'] {
  const found: GuardrailResult['violations'] = [];
  // a clause is about the product whose name comes first in it (伦晚脐橙's clause is not 脐橙's, the alias of another)
  const firstName = (clause: string, p: KnownProduct) =>
    Math.min(
      ...[p.name, ...(p.aliases ?? [])].map((n) => {
        const at = clause.indexOf(n);
        return at < 0 ? Infinity : at - n.length / 100;
      }),
    );
  const about = others.length
    ? reply
        // a comma list compares products clause by clause ("伦晚脐橙口感：…，赣南脐橙口感：…"), and a list of products
        // each with its own brackets item by item ("冒菜（…）、干拌麻辣烫（辣度：…）")
        .split(/[；;。\n，,]|(?<=[）)])、/)
        .filter((c) => {
          const mine = firstName(c, product);
          return mine < Infinity && others.every((o) => firstName(c, o) >= mine);
        })
        .join('；')
    : reply;
  const attributes = product.attributes ?? [];
  // a product's or another attribute's name holding the attribute's name claims nothing of its value where it heads a
  // price or option line ("豚骨拉面：常规42元" of the attribute 面) or is the longer name ("着色直径：13.8mm" beside 直径)
  const names = [
    ...[product, ...others].flatMap((p) => [p.name, ...(p.aliases ?? [])]),
    ...attributes.map((a) => a.name),
  ].sort((x, y) => y.length - x.length);
  const attributeNames = new Set(attributes.map((a) => a.name));
  // the owner's own words, quoted as written and standing on their own ("教练级别：…；金牌教练：以前是省队运动员"), not
  // inside a longer key ("着色直径：13.8mm" holds no claim of 直径)
  const unquoted = (text: string) => text.replace(/「[^」]*」/g, '「」');
  const own = unquoted([product.description ?? '', ...attributes.map((a) => a.value)].join('\n'));
  const quoted = (claim: string) => new RegExp(`(?<![\\u4e00-\\u9fff])${escape(claim)}`).test(own);
  // (a line the owner's words or a price follow: "锅包肉：老式酸甜口", "豚骨拉面：常规42元"; not "豚骨拉面：粗面")
  const mask = (text: string, n: string) =>
    attributeNames.has(n)
      ? text.split(n).join('（）')
      : text.replace(new RegExp(`${escape(n)}(?=[：:]([^，。；;,\\n]*))`, 'g'), (name, line: string) =>
          /\d/.test(line) || own.includes(line) ? '（）' : name,
        );
  for (const a of attributes) {
    const text = names.filter((n) => n !== a.name && n.includes(a.name)).reduce(mask, about);
    const value = unquoted(a.value);
    // the value ends where its clause or its bracket does ("干拌麻辣烫（辣度：不辣、微辣都可以）")
    for (const m of text.matchAll(new RegExp(`${escape(a.name)}(?:[：:]|是|为)\\s*([^，。；;,\\n）)]{1,40})`, 'g'))) {
      const said = m[1]!.trim();
      if (!value.includes(said) && !said.includes(value) && !quoted(m[0]))
        found.push({ kind: 'attribute_mismatch', detail: `${a.name}：${said}` });
    }
  }
  return found;
}

const DAY = '(?:周|星期|礼拜)([一二三四五六日天])';
const DAY_NUMBER: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** The weekdays a claim may be checked against: the named shop's, else those of every shop (or the merchant's). */
function openDaysOf(kb: KnowledgeBase, shop?: KnowledgeBase['shops'][number]): Set<number>[] {
  const shops = shop ? [shop] : kb.shops.length ? kb.shops : [undefined];
  return shops.map((s) => new Set(hoursOfShop(kb, s).map((h) => h.weekday))).filter((days) => days.size);
}

/**
 * A weekday said to be open when the shop is closed that day, or closed when it opens; "每天营业" with a closed day.
 * Each claim is checked against the shop named last before it ("玉林店周三店休"); unnamed, it must hold for some shop.
 */
function weekdayClaims(reply: string, kb: KnowledgeBase, statements: string): GuardrailResult['violations'] {
  const found: GuardrailResult['violations'] = [];
  const mentions = kb.shops.length > 1 ? kb.shops.map((s) => ({ shop: s, label: shopLabel(s.name) })) : [];
  for (const m of reply.matchAll(new RegExp(`${DAY}([^。；;，,]{0,8})`, 'g'))) {
    const before = reply.slice(0, m.index).split('\n').pop()!;
    const shop = mentions
      .map((x) => ({ ...x, at: before.lastIndexOf(x.label) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => b.at - a.at)[0]?.shop;
    // the cited data's own exception, its whole clause said as the owner wrote it, of no branch in particular
    // ("暑期集训营…遇到周一照常上" of a pool closed on Mondays)
    const clause = `${/[^。；;，,\n]*$/.exec(before)![0]}${m[0]}`;
    if (!shop && statements.includes(clause)) continue;
    const candidates = openDaysOf(kb, shop);
    if (!candidates.length) continue;
    const day = DAY_NUMBER[m[1]!]!;
    const rest = m[2]!;
    const saysClosed = /(休息|店休|不营业|不开|歇业|关门|闭店)/.test(rest);
    const saysOpen = !saysClosed && /(营业|开门|开放|照常|正常)/.test(rest);
    if ((saysOpen && !candidates.some((c) => c.has(day))) || (saysClosed && !candidates.some((c) => !c.has(day))))
      found.push({ kind: 'closed_day_mismatch', detail: m[0] });
  }
  const everyShop = openDaysOf(kb);
  if (
    everyShop.length &&
    everyShop.every((c) => c.size < 7) &&
    /(每天|天天|全年无休|365天)[^。；;，,]{0,4}(营业|开门|都开)/.test(reply)
  )
    found.push({ kind: 'closed_day_mismatch', detail: '每天营业' });
  return found;
}

/** What the owner wrote in the cited items (not an FAQ's questions, which ask, nor a product's name and prices). */
function ownStatements(cited: Passage[]): string {
  return cited
    .map((p) =>
      p.kind === 'faq'
        ? p.answer
        : p.kind === 'policy'
          ? p.content
          : p.kind === 'fact'
            ? p.fact.text
            : p.kind === 'product'
              ? [p.product.description ?? '', ...(p.product.attributes ?? []).map((a) => a.value)].join('\n')
              : '',
    )
    .join('\n');
}

/**
 * The reply without the cited products' names and option values that hold an absolute term where they are the
 * catalogue's: a name that is more than the term ("极品肥牛"), a grade listed before its weight, price or stock
 * ("极品125g268元"), or beside another of the product's choices ("极品、一级、特级", "（极品、特级已售罄）"). The same
 * word said of something ("极品好茶", "是极品、回甘持久") stays.
 */
function withoutListed(reply: string, products: KnownProduct[]): string {
  const values = [
    ...new Set(
      products.flatMap((p) => [
        ...(p.variants ?? []).flatMap((v) => v.options.map((o) => o.value)),
        ...p.specs.flatMap((g) => g.options.map((o) => o.label)),
      ]),
    ),
  ].filter(Boolean);
  let text = reply;
  for (const name of [...new Set(products.flatMap(adLawNamesOf))].sort((a, b) => b.length - a.length)) {
    const others = values.filter((v) => v !== name);
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const before = text.slice(0, at);
      const after = text.slice(at + name.length);
      const listed =
        named(name) ||
        LISTED_AFTER.test(after) ||
        others.some((v) => after.startsWith(`、${v}`) || before.endsWith(`${v}、`));
      if (listed) text = `${before}（）${after}`;
    }
  }
  return text;
}

/** What a refused text got wrong, for the person who wrote or edited it: "15元、第一". */
export const violationsText = (result: GuardrailResult) => result.violations.map((v) => v.detail).join('、');

export function checkReply(reply: string, citedIds: string[], kb: KnowledgeBase, industry: Industry): GuardrailResult {
  const violations: GuardrailResult['violations'] = [];
  const cited: Passage[] = [];
  for (const id of citedIds) {
    const p = kb.byId.get(id);
    if (p) cited.push(p);
    else violations.push({ kind: 'uncited_id', detail: id });
  }
  const citedText = cited.map((p) => p.text).join(' ');

  // the owner's note on a holiday ("三八节面部护理8折", "元旦寄养每天加20元"), quoted as written, is an offer or a
  // price the shop's data holds
  const notes = kb.merchant.holidays.map((h) => h.name ?? '').filter((n) => n && reply.includes(n));
  const amounts = allowedAmounts(cited);
  for (const m of notes.join(' ').matchAll(MONEY)) amounts.add(String(Number(m[1] ?? m[2])));
  // a count that names a choice ("20块装", or its price right after it: "鸡块20块40元") is no amount of money
  const labels = cited.flatMap((p) =>
    p.kind === 'product' ? (p.product.variants ?? []).flatMap((v) => v.options.map((o) => o.value)) : [],
  );
  const priced = (end: number) => {
    const next = /^\s*(\d+(?:\.\d{1,2})?)\s*元/.exec(reply.slice(end));
    return !!next && amounts.has(String(Number(next[1])));
  };
  for (const m of reply.matchAll(MONEY)) {
    const value = String(Number(m[1] ?? m[2]));
    const end = m.index + m[0].length;
    const label = labels.includes(m[0].trim()) && (/^[装的份]/.test(reply.slice(end)) || priced(end));
    if (!amounts.has(value) && !label) violations.push({ kind: 'price_not_in_data', detail: m[0] });
  }
  const offerText = `${citedText} ${notes.join(' ')}`;
  for (const m of reply.matchAll(DISCOUNT)) {
    if (!offerText.includes(m[0])) violations.push({ kind: 'discount_not_in_data', detail: m[0] });
  }
  const hourText = [
    citedText,
    ...kb.merchant.businessHours.flatMap((h) => [h.open, h.close]),
    ...kb.shops.flatMap((s) => (s.businessHours ?? []).flatMap((h) => [h.open, h.close])),
    ...(kb.merchant.serviceHours ?? []).flatMap((h) => [h.open, h.close]),
    // the owner's note on a holiday ("情人节营业到23:00") is a time the shop's data holds
    ...kb.merchant.holidays.flatMap((h) => [h.open ?? '', h.close ?? '', h.name ?? '']),
  ].join(' ');
  for (const m of reply.matchAll(CLOCK)) {
    const hh = m[1]!.padStart(2, '0');
    const time = `${hh}:${m[2] ?? '00'}`;
    // the owner's words as written ("除夕营业到下午5点"), with the part of the day said before it, not inside another
    // number (15点)
    const period = /(上午|下午|晚上|中午|早上|凌晨|傍晚)$/.exec(reply.slice(0, m.index))?.[1] ?? '';
    const written = new RegExp(`(?<!\\d)${period}${m[0]}`).test(hourText);
    if (!hourText.includes(time) && !citedText.includes(m[0]) && !written)
      violations.push({ kind: 'hours_not_in_data', detail: m[0] });
  }
  // the customer's own words quoted back (「牛肉是哪儿产的」我请店员确认) are not claims, nor the owner's holiday note
  // said as written ("国庆…小河直街店10月7日周三也照常开门" of a shop closed on Wednesdays)
  const claims = kb.merchant.holidays
    .map((h) => h.name ?? '')
    .filter((note) => note.length >= 4)
    .reduce((text, note) => text.split(note).join('（）'), reply.replace(/「[^」]*」/g, '「」'));
  const products = cited.flatMap((c) => (c.kind === 'product' ? [c.product] : []));
  for (const product of products) {
    const others = products.filter((o) => o !== product);
    violations.push(...stockClaims(claims, product), ...attributeClaims(claims, product, others));
  }
  violations.push(...weekdayClaims(claims, kb, ownStatements(cited)));
  const ad = AD_LAW.exec(withoutListed(reply, products));
  if (ad) violations.push({ kind: 'ad_law_term', detail: ad[0] });
  const efficacy =
    (industry === '本地服务' || industry === '教育培训' ? EFFICACY : null)?.exec(reply) ?? MEDICAL.exec(reply);
  if (efficacy) violations.push({ kind: 'efficacy_claim', detail: efficacy[0] });
  const sensitive = SENSITIVE.exec(reply);
  if (sensitive) violations.push({ kind: 'sensitive_word', detail: sensitive[0] });
  if (Buffer.byteLength(reply) > MAX_BYTES)
    violations.push({ kind: 'too_long', detail: `${Buffer.byteLength(reply)} bytes` });
  return { ok: violations.length === 0, violations };
}
