// Finding what a message names in the shop's data (entity linking): products by their name, the owner's aliases and
// forms generated here (pinyin, initials, unique short forms), tolerant of a one-character typo or a homophone
// ("杨只甘露"); a product's variant options ("大杯", "L码", "黄色"); its attributes by name or by how customers ask
// about them ("什么面料" → 材质). Built once per knowledge snapshot and kept with it.
import { pinyin } from 'pinyin-pro';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import type { KnownProduct, ProductVariant } from '../knowledge/passages.js';
import { cutWords, normalize } from '../knowledge/tokenizer.js';
import { catalogueAliases } from '../catalog/product-aliases.js';
import { lexiconWords } from './asks.js';
import { toShopWords } from './shop-words.js';
import { chineseNumber, pinyinDictionary } from './message-normalizer.js';

/** Lower case, half width, only CJK, latin letters and digits (punctuation, spaces and emoji go). */
export const clean = (text: string) => normalize(text).replace(/[^\u4e00-\u9fffa-z0-9.]/g, '');

/** Each character's usual reading, looked up once: a homophone typo is a match of readings, so both sides are read
 * the same way, character by character (cheap enough for every message). */
const readings = new Map<string, string>();
const syllables = (text: string): string[] =>
  [...text.replace(/[^\u4e00-\u9fff]/g, '')].map((ch) => {
    let r = readings.get(ch);
    if (r === undefined) {
      r = pinyin(ch, { toneType: 'none', v: true }).toLowerCase();
      readings.set(ch, r);
    }
    return r;
  });

interface Form {
  text: string;
  /** how sure a match of this form is: the name or an owner's alias 1, a generated short form less */
  weight: number;
}

export interface ProductEntry {
  product: KnownProduct;
  forms: Form[];
  /** pinyin syllables of the name and aliases, for homophone typos */
  sounds: string[][];
  /** full pinyin and initials of the name and aliases ("yangzhiganlu", "yzgl") */
  latin: Set<string>;
}

export interface ShopIndex {
  products: ProductEntry[];
  /** words the shop writes in Latin letters itself (an English alias, a size letter): never read as pinyin */
  latinWords: Set<string>;
  /** names of several Latin words, found however they are spaced or joined, and the cleaned word they are matched as */
  latinPhrases: { pattern: RegExp; word: string }[];
  /** pinyin of the shop's words and the words of asking → the words (message-normalizer.ts) */
  pinyin: Map<string, string>;
  longestPinyin: number;
  /** links of recent messages (a chat's history is read again with every new message) */
  recent: Map<string, ProductLink[]>;
  shopNames: { id: string; forms: string[] }[];
}

const cache = new WeakMap<KnowledgeBase, ShopIndex>();

/**
 * Per product, the two-character words found in three or more attribute values of its shop ("头发" at a salon): too
 * common to tell which attribute a question is about.
 */
export const commonValueWords = new WeakMap<KnownProduct, Set<string>>();

function markCommonValueWords(products: KnownProduct[]) {
  const counts = new Map<string, number>();
  for (const p of products) {
    for (const a of p.attributes ?? []) {
      const v = clean(a.value);
      const seen = new Set(Array.from({ length: Math.max(0, v.length - 1) }, (_, i) => v.slice(i, i + 2)));
      for (const w of seen) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const common = new Set([...counts].filter(([, n]) => n >= 3).map(([w]) => w));
  for (const p of products) commonValueWords.set(p, common);
}

/** The Chinese characters of a name ("进阶" of "scratch进阶"). */
const hanOf = (name: string) => name.replace(/[^\u4e00-\u9fff]/g, '');
/** The name without what owners put in brackets ("T恤（纯棉）") or after a slash. */
const core = (name: string) => clean(name.replace(/[（(【[].*?[）)】\]]/g, '').split(/[/|]/)[0]!);

export function shopIndex(kb: KnowledgeBase): ShopIndex {
  const hit = cache.get(kb);
  if (hit) return hit;
  const products = kb.products as KnownProduct[];
  markCommonValueWords(products);
  const names = products.map((p) => [clean(p.name), core(p.name), ...(p.aliases ?? []).map(clean)].filter(Boolean));
  // how many products a piece of text is part of the names of: a short form must point to one product only
  // a category's name ("奶茶") names a kind of product, not the one product whose name happens to end with it
  const categories = new Set(
    products.map((p) => clean(p.category)).filter((c, i, all) => all.indexOf(c) !== all.lastIndexOf(c)),
  );
  const owners = (piece: string) => names.filter((n) => n.some((x) => x.includes(piece))).length;
  // the Chinese characters of names written with letters ("进阶" of "scratch进阶")
  const mixed = names.map((n) => new Set(n.filter((x) => /[a-z0-9]/.test(x) && hanOf(x).length >= 2).map(hanOf)));
  const ownedAlike = (piece: string) =>
    piece.length >= 2 && names.every((n, j) => mixed[j]!.has(piece) || !n.some((x) => x.includes(piece)));
  // the catalogue's generated names (pinyin, initials, short forms that name one product only: product-aliases.ts)
  const generated = catalogueAliases(products.map((p) => ({ name: p.name, category: p.category, aliases: p.aliases })));
  const entries = products.map((product, i): ProductEntry => {
    const full = [...new Set(names[i]!)];
    const forms: Form[] = full.map((text) => ({ text, weight: 1 }));
    // a generated short form inside another product's name names neither ("毛嫁接" of 下睫毛嫁接 is in 睫毛嫁接)
    for (const g of generated[i]!.map(clean)) {
      if (g && /[\u4e00-\u9fff]/.test(g) && !forms.some((f) => f.text === g) && owners(g) <= 1)
        forms.push({ text: g, weight: 0.85 });
    }
    // the name in the words customers use for it (shop-words.ts): 体验课 is what a parent calls 试听
    for (const n of full) {
      const said = clean(toShopWords(n));
      if (said.length >= 2 && said !== n && !forms.some((f) => f.text === said) && owners(said) <= 1)
        forms.push({ text: said, weight: 0.85 });
    }
    for (const n of full) {
      const cjk = hanOf(n);
      // a name or alias that describes ("一根一根的那种") is said whole: its ends ("那种", "外婆的") name nothing
      if (cjk.length < 4 || /的|那种|这种/.test(cjk)) continue;
      for (const len of [2, 3]) {
        for (const piece of [cjk.slice(0, len), cjk.slice(-len)]) {
          if (!forms.some((f) => f.text === piece) && owners(piece) === 1 && !categories.has(piece))
            forms.push({ text: piece, weight: 0.85 });
        }
      }
    }
    const sounds = [...full, ...forms.filter((f) => f.weight < 1 && f.text.length >= 3).map((f) => f.text)]
      // a name in Chinese characters, or the characters of one with letters when every name holding them has them
      // so ("进阶" of scratch进阶 and python进阶): the sound of "YY睫毛" without its letters is that of every 睫毛
      .filter((n) => /^[\u4e00-\u9fff]{2,}$/.test(n) || (/[a-z0-9]/.test(n) && ownedAlike(hanOf(n))))
      .map(syllables);
    const latin = new Set<string>();
    for (const s of sounds) {
      latin.add(s.join(''));
      if (s.length >= 2) latin.add(s.map((x) => x[0]).join(''));
    }
    for (const n of full) if (/^[a-z0-9]+$/.test(n) && n.length >= 2) latin.add(n);
    for (const g of generated[i]!.map(clean)) if (/^[a-z0-9]{2,}$/.test(g)) latin.add(g);
    return { product, forms, sounds, latin };
  });
  const words = [
    ...entries.flatMap((e) => e.forms.map((f) => f.text)),
    ...products.flatMap((p) => (p.variants ?? []).flatMap((v) => v.options.map((o) => clean(o.value)))),
    ...products.flatMap((p) => (p.attributes ?? []).map((a) => clean(a.name))),
    ...products.map((p) => clean(p.category)),
    ...lexiconWords(),
  ];
  const dictionary = pinyinDictionary(words);
  const latinWords = new Set(
    [
      ...names.flat(),
      ...products.flatMap((p) => (p.variants ?? []).flatMap((v) => v.options.map((o) => clean(o.value)))),
    ]
      .flatMap((w) => w.match(/[a-z][a-z0-9]*/g) ?? [])
      .concat(['wifi']),
  );
  // a name of several English words, alone or in a longer name ("classic lashes", "Milk-Tea Latte", "Hot Stone 热石SPA"),
  // longest first: read as the one word its cleaned form is, so its words are not translated one by one ("lashes" →
  // 睫毛) and the rest of the message still is
  const latinPhrases = [
    ...new Set(
      products
        .flatMap((p) => [p.name, ...(p.aliases ?? [])])
        .flatMap((n) => normalize(n).match(/[a-z0-9]+(?:[\s\-&']+[a-z0-9]+)+/g) ?? [])
        .filter((phrase) => /[a-z]{2}/.test(phrase)),
    ),
  ]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => ({
      pattern: new RegExp(`\\b${phrase.split(/[\s\-&']+/).join("[\\s\\-&']+")}\\b`, 'gi'),
      word: phrase.replace(/[\s\-&']+/g, ''),
    }));
  const index: ShopIndex = {
    products: entries,
    latinWords,
    latinPhrases,
    pinyin: dictionary,
    longestPinyin: Math.max(2, ...[...dictionary.keys()].map((k) => k.length)),
    recent: new Map(),
    shopNames: kb.shops.map((s) => {
      const inBrackets = /[（(](.+?)[）)]/.exec(s.name)?.[1];
      const short = inBrackets ? clean(inBrackets).replace(/(校区|店)$/, '') : '';
      // "淮河路店" for 茶巷里(淮河路步行街店): the start of the place name, when no other shop's starts the same
      // or its end: "汉街那家" for 楚河汉街店
      const starts = [2, 3]
        .flatMap((n) => [short.slice(0, n), short.length > n ? short.slice(-n) : ''])
        .filter((p) => p.length >= 2);
      const others = kb.shops.filter((o) => o !== s).map((o) => clean(o.name));
      const unique = starts.filter((p) => !others.some((o) => o.includes(p)));
      return {
        id: String(s._id),
        forms: [clean(s.name), inBrackets ? clean(inBrackets) : '', short, ...unique].filter(Boolean),
      };
    }),
  };
  cache.set(kb, index);
  return index;
}

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Where a name appears with one character wrong, added or missing ("杨枝干露"): names of ≥4 characters, and of 3 when
 * the wrong one is in the middle ("豌扎面").
 */
function fuzzyFind(text: string, form: string): [number, number] | undefined {
  if (form.length === 3) {
    for (let i = 0; i + 3 <= text.length; i++)
      if (text[i] === form[0] && text[i + 2] === form[2] && /[\u4e00-\u9fff]/.test(text[i + 1]!)) return [i, i + 3];
    return undefined;
  }
  if (form.length < 4) return undefined;
  let shared = 0;
  for (const ch of form) if (text.includes(ch)) shared++;
  if (shared < form.length - 1) return undefined;
  for (const len of [form.length, form.length - 1, form.length + 1]) {
    for (let i = 0; i + len <= text.length; i++) {
      if (editDistance(text.slice(i, i + len), form, 1) <= 1) return [i, i + len];
    }
  }
  return undefined;
}

const indexOfRun = (haystack: string[], needle: string[]) => {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
};

function insideLongerWord(text: string, at: number, length: number, entry: ProductEntry): boolean {
  let start = 0;
  for (const w of cutWords(text)) {
    const end = start + w.length;
    if (start <= at && end > at)
      return end >= at + length && w.length > length && !entry.forms.some((f) => f.text.includes(w));
    start = end;
  }
  return false;
}

export interface ProductLink {
  product: KnownProduct;
  score: number;
  /** the characters of the cleaned text it was found at (for dropping a shorter name inside a longer one) */
  span: [number, number];
}

/** The products a message names, best first; a name inside a longer one it also matched ("奶茶" in "芋泥奶茶") is dropped. */
export function linkProducts(index: ShopIndex, message: string): ProductLink[] {
  const hit = index.recent.get(message);
  if (hit) return hit;
  const links = findProducts(index, message);
  if (index.recent.size >= 500) index.recent.delete(index.recent.keys().next().value!);
  index.recent.set(message, links);
  return links;
}

function findProducts(index: ShopIndex, message: string): ProductLink[] {
  const text = clean(message);
  if (!text) return [];
  const words = text.match(/[a-z][a-z0-9]*/g) ?? [];
  let sound: string[] | undefined;
  const links: ProductLink[] = [];
  for (const entry of index.products) {
    let best: ProductLink | undefined;
    const consider = (score: number, span: [number, number]) => {
      if (!best || score > best.score || (score === best.score && span[1] - span[0] > best.span[1] - best.span[0]))
        best = { product: entry.product, score, span };
    };
    for (const f of entry.forms) {
      const at = text.indexOf(f.text);
      if (at < 0) continue;
      // a short form inside a longer word is another thing: "咖啡" of 美式咖啡 in "咖啡豆"
      if (f.weight < 1 && insideLongerWord(text, at, f.text.length, entry)) continue;
      consider(f.weight + f.text.length / 100, [at, at + f.text.length]);
    }
    for (const w of words) {
      if (entry.latin.has(w)) {
        const at = text.indexOf(w);
        consider(0.95, [at, at + w.length]);
      }
    }
    // a whole name with one character wrong says more than a short form found exactly ("娇毛嫁接" is 睫毛嫁接, not
    // the 嫁接 both share)
    if (!best || best.score < 1) {
      for (const f of entry.forms) {
        if (f.weight < 1 || f.text.length < 4) continue;
        const span = fuzzyFind(text, f.text);
        if (span) consider(0.86 + f.text.length / 100, span);
      }
      if (!best)
        for (const f of entry.forms) {
          if (f.weight < 1 || f.text.length !== 3) continue;
          const span = fuzzyFind(text, f.text);
          if (span) consider(0.8, span);
        }
    }
    if (!best && /[\u4e00-\u9fff]/.test(text)) {
      sound ??= syllables(text);
      for (const s of entry.sounds) {
        if (s.length < 2) continue;
        const at = indexOfRun(sound, s);
        if (at >= 0) consider(0.85, [at, at + s.length]);
      }
    }
    if (best) links.push(best);
  }
  // a two-character name said apart ("洗猫" in "布偶猫长毛 洗一次多少", "烫头" in "长头发烫一下"): when nothing else is
  // named, both its characters within a few of each other, in either order
  if (!links.length)
    for (const entry of index.products) {
      for (const f of entry.forms) {
        // not by a character of a time or a count ("周末花篮" holds no 周花)
        if (f.weight < 1 || !/^[\u4e00-\u9fff]{2}$/.test(f.text) || /[周天月日年点号次个份]/.test(f.text)) continue;
        const a = text.indexOf(f.text[0]!);
        const b = text.indexOf(f.text[1]!);
        if (a < 0 || b < 0 || Math.abs(a - b) > 3) continue;
        links.push({ product: entry.product, score: 0.8, span: [Math.min(a, b), Math.max(a, b) + 1] });
        break;
      }
    }
  const holds = (o: ProductLink, l: ProductLink) => o.span[0] <= l.span[0] && o.span[1] >= l.span[1];
  /** a name or owner's alias of three characters or more, found exactly: no typo or short form stands over it */
  const whole = (l: ProductLink) => l.score >= 1 && l.span[1] - l.span[0] >= 3;
  /** found with a character wrong, not as a piece of one of its names ("冻鲜肉包" of 速冻鲜肉包 is no typo) */
  const typo = (l: ProductLink) =>
    l.score < 1 &&
    ![l.product.name, ...(l.product.aliases ?? [])].some((n) => clean(n).includes(text.slice(l.span[0], l.span[1])));
  // "特级铁观音": a name found exactly with one of its own options beside it is not another name's typo ("老铁观音")
  // (the typo's span no wider than the name and its option: its "wrong" character is the option's)
  const typoOverOption = (fuzzy: ProductLink, exact: ProductLink) =>
    fuzzy.score < 1 &&
    exact.score >= 1 &&
    holds(fuzzy, exact) &&
    withOptionBeside(text, exact).some(([s, e]) => s <= fuzzy.span[0] && e >= fuzzy.span[1]);
  const kept = links.filter(
    (l) =>
      !links.some(
        (o) =>
          o !== l &&
          (typoOverOption(l, o) ||
            // a typo or short form around a name found exactly is that name with a neighbour ("家铁观音" is 铁观音,
            // not 老铁观音 mistyped)
            (typo(l) && whole(o) && holds(l, o)) ||
            (holds(o, l) &&
              !typoOverOption(o, l) &&
              // a longer name over one inside it, unless only a typo of it stands over a whole name found exactly
              // ("山核桃多少钱" is 山核桃, not 山核桃仁 mistyped); a name found exactly over another's one-character
              // typo in the same place ("双人套餐" is not 单人套餐 mistyped)
              ((o.span[1] - o.span[0] > l.span[1] - l.span[0] && o.score >= l.score - 0.2 && (!typo(o) || !whole(l))) ||
                o.score >= l.score + 0.1))),
      ),
  );
  return kept.sort((a, b) => b.score - a.score || a.span[0] - b.span[0]);
}

/**
 * Where one of the product's own option values (of two characters or more) stands just before or after where it was
 * found, the name and the option together ("特级" + "铁观音").
 */
function withOptionBeside(text: string, link: ProductLink): [number, number][] {
  const values = [
    ...(link.product.variants ?? []).flatMap((v) => v.options.map((o) => o.value)),
    ...link.product.specs.flatMap((g) => g.options.map((o) => o.label)),
  ]
    .map(clean)
    .filter((v) => v.length >= 2);
  const [start, end] = link.span;
  return values.flatMap((v): [number, number][] => [
    ...(text.slice(start - v.length, start) === v ? [[start - v.length, end] as [number, number]] : []),
    ...(text.startsWith(v, end) ? [[start, end + v.length] as [number, number]] : []),
  ]);
}

/**
 * The message without the words that name its products ("麻牛来一份多少" → "来一份多少"): a product's name asks
 * nothing — the 麻 of 麻牛 is no question about spice, the 寄 of a mistyped 寄养 no question about shipping.
 */
export function withoutLinks(message: string, links: ProductLink[]): string {
  if (!links.length) return message;
  const n = normalize(message);
  const at: number[] = [];
  for (let i = 0; i < n.length; i++) if (/[\u4e00-\u9fffa-z0-9.]/.test(n[i]!)) at.push(i);
  const cuts = links
    .map((l) => [at[l.span[0]], at[l.span[1] - 1]] as const)
    .filter((c): c is readonly [number, number] => c[0] !== undefined && c[1] !== undefined)
    .map(([s, e]) => [s, e + 1] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  let out = '';
  let from = 0;
  for (const [s, e] of cuts) {
    if (s > from) out += message.slice(from, s);
    from = Math.max(from, e);
  }
  return out + message.slice(from);
}

/** Sizes spelt the ways customers spell them: "l码"/"l号"/"大号"; weights in kg/g. */
const unitText = (text: string) =>
  text
    // "一公斤" is 1kg, "二两" is 2两: a counted amount in digits, as owners write their options
    .replace(
      /[一二两三四五六七八九十]+(?=(公斤|千克|斤|两|克|毫升|升|寸|盒|瓶|罐|袋|包|箱|支|枝|朵|束))/g,
      chineseNumber,
    )
    .replace(/(公斤|千克)/g, 'kg')
    .replace(/克/g, 'g')
    .replace(/毫升/g, 'ml')
    .replace(/升/g, 'l')
    // a class pack counted in lessons: "24节" is 24课时
    .replace(/(\d)(节课|节|堂课|堂|次课|课)(?!时)/g, '$1课时');

/**
 * A text cleaned and in units, remembered: every option value of a catalogue is checked against the same message, and
 * the values repeat across variants (黑色 in every size).
 */
const unitTexts = new Map<string, string>();
const unitClean = (text: string) => {
  let done = unitTexts.get(text);
  if (done === undefined) {
    done = unitText(clean(text));
    if (unitTexts.size >= 5000) unitTexts.clear();
    unitTexts.set(text, done);
  }
  return done;
};

/** Does the message name this option value ("大杯", "L", "黄色", "1kg")? */
export function namesOption(message: string, value: string): boolean {
  // "小份(二两)": named by either part, "小份" or "二两"
  const inner = /[（(【[](.+?)[）)】\]]/.exec(value)?.[1];
  const outer = value.replace(/[（(【[].*?[）)】\]]/g, '').trim();
  if (inner && outer && clean(inner).length >= 2) return namesOption(message, outer) || namesOption(message, inner);
  const text = unitClean(message);
  const v = unitClean(value);
  if (!v) return false;
  if (/^[a-z0-9]+$/.test(v)) {
    // a size letter or a number stands alone: "l码", "L", not the l of "xl" or of "ml"
    return new RegExp(`(^|[^a-z0-9])${v}(?![a-z0-9])`).test(text);
  }
  if (text.includes(v)) return true;
  // the start of a longer value: "黄色" for 黄色碎花
  if (/^[\u4e00-\u9fff]色[\u4e00-\u9fff]+$/.test(v) && text.includes(v.slice(0, 2))) return true;
  // "黄的"/"黄色" for 黄色, "大的" for 大杯, "l码" for "L码"
  const stem = v.replace(/(色|杯|码|号|款|装|份)$/, '');
  if (stem.length > 0 && stem !== v && new RegExp(`${stem}(的|色|杯|码|号|款|装|份)`).test(text)) return true;
  // "有荧光绿42不" for 42码: a size number or letter standing alone, not an amount ("42块", "42个")
  return (
    stem !== v &&
    /^[a-z0-9]+$/.test(stem) &&
    new RegExp(`(^|[^a-z0-9.])${stem}(?![a-z0-9.]|块|元|斤|个|岁|天|人|件|双|节|次|课|分|小时|g|kg|ml|cm|mm)`).test(
      text,
    )
  );
}

/** A measure in one base unit per kind: weight in kg (1斤 = 0.5kg), length in cm (1.65米 = 165cm), age in years. */
const MEASURE_UNIT: Record<string, [string, number]> = {
  斤: ['kg', 0.5],
  kg: ['kg', 1],
  公斤: ['kg', 1],
  千克: ['kg', 1],
  cm: ['cm', 1],
  厘米: ['cm', 1],
  米: ['cm', 100],
  岁: ['岁', 1],
};
const UNITS = '(斤|kg|公斤|千克|cm|厘米|米|岁)';
const GIVEN = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*${UNITS}`);
const RANGE = new RegExp(`(\\d+(?:\\.\\d+)?)(?:\\s*[-~～到至]\\s*(\\d+(?:\\.\\d+)?))?\\s*${UNITS}(以下|以内|以上)?`);

/** Does a size-chart segment ("10-25kg", "10kg以下", "30斤以上") hold the customer's measure? */
function rangeHolds(segment: string, unit: string, amount: number, rangesOnly: boolean): boolean {
  const m = RANGE.exec(segment);
  if (!m || MEASURE_UNIT[m[3]!]![0] !== unit) return false;
  const scale = MEASURE_UNIT[m[3]!]![1];
  const low = Number(m[1]) * scale;
  if (m[2] !== undefined) return amount >= low && amount <= Number(m[2]) * scale;
  if (m[4] === '以上') return amount >= low;
  if (m[4]) return amount <= low;
  // a bare amount is a spec sold ("2kg" of dog food), not a chart: only a chart written apart names it
  return !rangesOnly && amount === low;
}

/**
 * An option chosen by a measure the customer gives (the pet's weight, the child's age, the customer's height), from
 * the product's own size chart ("小型犬10斤以下；中型犬10-30斤" with "我家狗25斤" → 中型犬) or the range written in the
 * option itself ("中型犬（10-25kg）" with "金毛30斤"): the one option whose range holds it.
 */
function optionByRange(message: string, product: KnownProduct, group: string, values: string[]): string | undefined {
  // "1米2", "1米25": a height said in metres and centimetres
  const metres = /(\d)米(\d{1,2})(?!\d)/.exec(message);
  const given = metres ? undefined : GIVEN.exec(message);
  if (!metres && !given) return undefined;
  const [unit, scale] = metres ? ['cm', 1] : MEASURE_UNIT[given![2]!]!;
  const amount = metres ? Number(metres[1]) * 100 + Number(metres[2]!.padEnd(2, '0')) : Number(given![1]) * scale;
  const charts = (product.attributes ?? []).filter((a) => a.name !== group).map((a) => a.value);
  const fitting = values.filter(
    (v) =>
      rangeHolds(v, unit, amount, true) ||
      charts.some((chart) => {
        const at = chart.indexOf(v);
        return at >= 0 && rangeHolds(chart.slice(at + v.length).split(/[；;，,。]/)[0]!, unit, amount, false);
      }),
  );
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** A value's words without what is in brackets and its amounts: "250g罐装" → 罐装, "大锅（3人以上）" → 大锅. */
const valueWords = (value: string) =>
  clean(value.replace(/[（(【[].*?[）)】\]]/g, ''))
    .replace(/\d+(\.\d+)?[a-z]*/g, '')
    .replace(/[^\u4e00-\u9fff]/g, '');

/** The option values of a product the message names, by option name ({颜色: 黄色, 尺码: L}). */
export function namedOptions(message: string, product: KnownProduct): Map<string, string> {
  // asked of every product for every part of a message: read once per message and product
  let byMessage = namedMemo.get(product);
  if (!byMessage) namedMemo.set(product, (byMessage = new Map()));
  const hit = byMessage.get(message);
  if (hit) return new Map(hit);
  const named = readOptions(message, product);
  if (byMessage.size >= 200) byMessage.clear();
  byMessage.set(message, named);
  return new Map(named);
}

const namedMemo = new WeakMap<KnownProduct, Map<string, Map<string, string>>>();
/** Each product's choices and their distinct values ({颜色: [黑色, 白色], 尺码: [S, M]}), in the variants' order. */
const groupsMemo = new WeakMap<KnownProduct, Map<string, string[]>>();
const choicesOf = (product: KnownProduct) => {
  let groups = groupsMemo.get(product);
  if (!groups) {
    groups = new Map();
    for (const v of product.variants ?? [])
      for (const o of v.options) {
        const values = groups.get(o.name) ?? [];
        if (!values.includes(o.value)) values.push(o.value);
        groups.set(o.name, values);
      }
    groupsMemo.set(product, groups);
  }
  return groups;
};

function readOptions(message: string, product: KnownProduct): Map<string, string> {
  const named = new Map<string, string>();
  const groups = choicesOf(product);
  for (const [name, values] of groups) {
    for (const value of values) {
      if (namesOption(message, value)) {
        const previous = named.get(name);
        // the longer value wins: "超大杯" over "大杯"
        if (!previous || value.length > previous.length) named.set(name, value);
      }
    }
  }
  // "罐装" for 250g罐装, "大锅" for 大锅（3人以上）: the words of a value without its amounts, when no other value of
  // the choice has the same words
  const text = clean(message);
  for (const [group, values] of groups) {
    if (named.has(group)) continue;
    const cores = values.map(valueWords);
    const hits = values.filter((_, i) => cores[i]!.length >= 2 && text.includes(cores[i]!));
    if (hits.length === 1 && cores.filter((c) => c === valueWords(hits[0]!)).length === 1) named.set(group, hits[0]!);
  }
  for (const [group, values] of groups) {
    if (named.has(group)) continue;
    const byRange = optionByRange(message, product, group, values);
    if (byRange) named.set(group, byRange);
  }
  return named;
}

export const variantMatches = (v: ProductVariant, named: Map<string, string | string[]>) =>
  [...named].every(([name, value]) =>
    v.options.some((o) => o.name === name && (Array.isArray(value) ? value.includes(o.value) : o.value === value)),
  );

/**
 * Every value of a choice the message names, not only the first ("XL和L价格一样吗", "黑色白色哪个还有"): the values
 * of namedOptions and the others of the same choice named beside them, a value inside a longer one left out ("大杯"
 * in "超大杯").
 */
export function namedChoices(message: string, product: KnownProduct): Map<string, string[]> {
  const choices = new Map([...namedOptions(message, product)].map(([group, value]) => [group, [value]]));
  for (const v of product.variants ?? []) {
    for (const o of v.options) {
      const list = choices.get(o.name);
      if (!list || list.includes(o.value) || !namesOption(message, o.value)) continue;
      const c = clean(o.value);
      // a size letter stands alone ("l" is no part of "xl": namesOption); a word may be part of a longer one
      const latin = /^[a-z0-9]+$/.test(c);
      if (latin || !list.some((x) => clean(x).includes(c) || c.includes(clean(x)))) list.push(o.value);
    }
  }
  return choices;
}

/**
 * Products whose variants have an option the message names: "黄色L码还有吗" with no product named. Where several
 * share it ("中型犬" of washing, grooming and boarding), those the rest of the message points to by a character of
 * their name ("中型犬洗一次多少" → 狗狗洗澡), when that leaves fewer.
 */
export function productsByOption(index: ShopIndex, message: string): KnownProduct[] {
  let having = index.products
    .map((e) => e.product)
    .filter((p) => p.variants?.length && namedOptions(message, p).size > 0);
  if (having.length <= 1) return having;
  // the products the options fit best: "黄色L码" is the dress that comes in yellow and in L, not every product with
  // an L; a product with a variant of all the options named before one without
  const fit = (p: KnownProduct) => {
    const named = namedOptions(message, p);
    return named.size * 2 + (p.variants!.some((v) => variantMatches(v, named)) ? 1 : 0);
  };
  const best = Math.max(...having.map(fit));
  having = having.filter((p) => fit(p) === best);
  if (having.length <= 1) return having;
  const text = clean(message);
  const shared = new Set([...having[0]!.name].filter((ch) => having.every((p) => p.name.includes(ch))));
  const pointed = having.filter((p) =>
    [p.name, ...(p.aliases ?? [])].some((n) =>
      [...clean(n)].some(
        (ch) =>
          /[\u4e00-\u9fff]/.test(ch) &&
          !shared.has(ch) &&
          text.includes(ch) &&
          ![...namedOptions(message, p).values()].some((v) => v.includes(ch)),
      ),
    ),
  );
  return pointed.length && pointed.length < having.length ? pointed : having;
}

/** Products with an add-on the message names by its label ("漂一次加多少" → 染发's 漂发: 漂一次). */
export function productsByAddon(index: ShopIndex, message: string): KnownProduct[] {
  const text = clean(message);
  return index.products
    .map((e) => e.product)
    .filter((p) =>
      p.specs.some((g) =>
        g.options.some((o) => o.priceDelta && clean(o.label).length >= 2 && text.includes(clean(o.label))),
      ),
    );
}

/**
 * Products whose own description or attributes hold a word of the message that names no product ("有芒果的吗" →
 * 杨枝甘露, made with 新鲜芒果): one to three of them, the fewest any word finds.
 */
export function productsMadeWith(index: ShopIndex, message: string): KnownProduct[] {
  let best: KnownProduct[] = [];
  for (const w of cutWords(clean(message))) {
    if (!/^[\u4e00-\u9fff]{2,}$/.test(w) || index.products.some((e) => e.forms.some((f) => f.text.includes(w))))
      continue;
    const hits = index.products
      .filter((e) =>
        holds(clean(`${e.product.description ?? ''} ${(e.product.attributes ?? []).map((a) => a.value).join(' ')}`), w),
      )
      .map((e) => e.product);
    if (hits.length && hits.length <= 3 && (!best.length || hits.length < best.length)) best = hits;
  }
  return best;
}

/**
 * The text says it holds the word, not that it lacks it or warns of it: "不含坚果", "没有外教", "无糖", "花生过敏"
 * and "孕妇儿童慎食" are no 坚果, 外教, 糖, 花生 or 儿童 to offer.
 */
function holds(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text.slice(Math.max(0, at - 3), at);
    const after = text.slice(at + word.length, at + word.length + 3);
    if (!/[不无没免非忌禁少]/.test(before) && !/(慎|过敏|禁|忌)/.test(after)) return true;
  }
  return false;
}

/** The shop a message names ("万象城店"), by its name or the part in brackets. */
export function linkShop(index: ShopIndex, message: string): string | undefined {
  const text = clean(message);
  return index.shopNames.find((s) => s.forms.some((f) => f.length >= 2 && text.includes(f)))?.id;
}

/**
 * Products a general word of the message is part of the names of ("蜂蜜" → 秦岭土蜂蜜, 洋槐蜜礼盒 …), when it names no
 * one product: a few (≤4) of them, for a question the reply can answer for each.
 */
export function productsNamedBy(index: ShopIndex, message: string): KnownProduct[] {
  let best: KnownProduct[] = [];
  for (const w of cutWords(clean(message))) {
    if (!/^[\u4e00-\u9fff]{2,}$/.test(w)) continue;
    const hits = index.products
      .filter((e) => e.forms.some((f) => f.weight === 1 && f.text.includes(w)))
      .map((e) => e.product);
    if (hits.length >= 2 && hits.length <= 4 && (!best.length || hits.length < best.length)) best = hits;
  }
  return best;
}
