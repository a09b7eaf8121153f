// The names customers use for a product besides the one on the menu: its pinyin (typed without switching input
// method), its initials ("yzgl"), and short forms ("葡萄" for 多肉葡萄). Pure and deterministic: the knowledge index
// calls it when it builds a merchant's snapshot; nothing generated is stored (the owner's own aliases are, on the
// product).
//
// Short forms, without a word segmenter (none that ships offline segments menu names well):
// 1. the core name: bracketed qualifiers dropped (杨枝甘露（大杯） → 杨枝甘露) and one marketing prefix (招牌, 经典,
//    新品, 冬季 …: MARKETING_PREFIXES) dropped; the core is itself a short form when it differs from the name;
// 2. a core ending in a known product noun (奶茶, 拿铁, 羽绒服, T恤, 体验课 …: PRODUCT_NOUNS) gives its head and that
//    noun (珍珠奶茶 → 珍珠, 奶茶), the head only when it has two characters or more;
// 3. otherwise a four-character core gives its halves (多肉葡萄 → 多肉, 葡萄; 杨枝甘露 → 杨枝, 甘露), a longer one its
//    first two and last three characters (满杯百香果 → 满杯, 百香果); three characters or fewer give none.
// Across a catalogue (catalogueAliases) a generated alias is kept only when it names one product: 葡萄 stays with 多肉
//葡萄 on a menu without another grape drink, and goes from both when 葡萄冻冻 is on the menu too; nor may it be a
// category's name or another product's name or alias.
import { pinyin } from 'pinyin-pro';

export const MARKETING_PREFIXES = [
  '店长推荐',
  '季节限定',
  '招牌',
  '经典',
  '特调',
  '特色',
  '秘制',
  '新品',
  '新款',
  '爆款',
  '网红',
  '限定',
  '人气',
  '手作',
  '现做',
  '春季',
  '夏季',
  '秋季',
  '冬季',
  '秋冬',
  '春夏',
];

/** Nouns that end product names and name a kind of product: the part before them is what tells products apart. */
export const PRODUCT_NOUNS = [
  '奶茶',
  '果茶',
  '奶绿',
  '鲜奶',
  '拿铁',
  '咖啡',
  '美式',
  '蛋糕',
  '面包',
  '套餐',
  '羽绒服',
  '连衣裙',
  '半身裙',
  '牛仔裤',
  '休闲裤',
  '卫衣',
  '毛衣',
  '衬衫',
  '外套',
  '大衣',
  'T恤',
  '体验课',
  '精品课',
  '课程',
];

const BRACKETED = /[（(【[][^）)】\]]*[）)】\]]/g;
const HAN = /^\p{Script=Han}+$/u;

/** Text as customers type it in pinyin: no tones, no spaces, lowercase, ü as v (绿 → lv). */
export const toPinyin = (text: string) =>
  pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join('')
    .replace(/\s+/g, '')
    .toLowerCase();

/** The first letter of each syllable (杨枝甘露 → yzgl); letters and digits in the text are kept as they are. */
export const toInitials = (text: string) =>
  pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/\s+/g, '')
    .toLowerCase();

/** The name without bracketed qualifiers and one marketing prefix. */
export function coreName(name: string): string {
  const bare = name.replace(BRACKETED, '').replace(/\s+/g, '').trim();
  const prefix = MARKETING_PREFIXES.find((p) => bare.startsWith(p) && bare.length - p.length >= 2);
  return prefix ? bare.slice(prefix.length) : bare;
}

/** Short forms of one name (rules 1–3 above), before the catalogue decides which are unambiguous. */
export function shortForms(name: string): string[] {
  const core = coreName(name);
  const forms = core !== name.trim() ? [core] : [];
  const noun = PRODUCT_NOUNS.find((n) => core.endsWith(n) && core.length > n.length);
  if (noun) {
    const head = core.slice(0, -noun.length);
    if (head.length >= 2) forms.push(head);
    forms.push(noun);
  } else if (HAN.test(core) && core.length === 4) {
    forms.push(core.slice(0, 2), core.slice(2));
  } else if (HAN.test(core) && core.length >= 5) {
    forms.push(core.slice(0, 2), core.slice(-3));
  }
  return [...new Set(forms)].filter((f) => f && f !== name);
}

export interface GeneratedAliases {
  /** yangzhiganlu */
  pinyin: string;
  /** yzgl; absent for names of fewer than three syllables (two letters match too much) */
  initials?: string;
  /** 多肉葡萄 → 多肉, 葡萄 (candidates: catalogueAliases keeps the unambiguous ones) */
  shortForms: string[];
}

export function generatedAliases(name: string): GeneratedAliases {
  const initials = toInitials(coreName(name));
  return {
    pinyin: toPinyin(coreName(name)),
    ...(initials.length >= 3 ? { initials } : {}),
    shortForms: shortForms(name),
  };
}

export interface AliasSource {
  name: string;
  category?: string;
  /** the owner's own aliases: always kept */
  aliases?: string[];
}

/**
 * Every product's aliases, in the catalogue's order: the owner's first, then the generated ones that name this product
 * only (not another product's name, alias or generated alias, not a category).
 */
export function catalogueAliases(products: AliasSource[]): string[][] {
  const generated = products.map((p) => {
    const g = generatedAliases(p.name);
    return [...new Set([g.pinyin, ...(g.initials ? [g.initials] : []), ...g.shortForms])].filter(Boolean);
  });
  const claims = new Map<string, number>();
  generated.forEach((list) => list.forEach((a) => claims.set(a, (claims.get(a) ?? 0) + 1)));
  const taken = new Set(
    products.flatMap((p) => [p.name, ...(p.category ? [p.category] : []), ...(p.aliases ?? [])].map(normalize)),
  );
  return products.map((p, i) => {
    const own = p.aliases ?? [];
    const kept = generated[i]!.filter((a) => claims.get(a) === 1 && !taken.has(normalize(a)));
    return [...new Set([...own, ...kept])];
  });
}

const normalize = (text: string) => text.replace(/\s+/g, '').toLowerCase();
