// Tomorrow's weather turned into an offer to customers (天气优惠推荐), grounded in the shop's own records: a new spell
// of weather (tomorrow hot, wet or cold and today not), the promotion the shop wrote for that weather (a 优惠活动 rule
// that names it, as the group's rainy-day post reads it), and catalogue products that weather sells that are on sale
// now. No such promotion, no offer: the owner is told why instead. Kept pure so each judgement is unit-tested.
import type { Passage } from '../knowledge/passages.js';
import { WEATHER_GOODS } from './weather-goods.js';
import { describeDay, SIGNAL_NAMES, weatherSignals, type DayForecast, type WeatherSignal } from './weather-signals.js';

/** The words a shop's promotion uses for a kind of weather ("雨天外卖满30减5", "高温天冰饮第二杯半价"). */
export const OFFER_WORDS: Record<WeatherSignal, RegExp> = {
  rain: /下雨|雨天|雨雪|阴雨|[大中小暴阵]雨/,
  snow: /下雪|雪天|[大中小暴]雪/,
  heat: /高温|炎热|酷热|酷暑|天热|热天|三伏/,
  cold: /降温|寒冷|寒潮|天冷|冷天|冬天|冬季|入冬/,
};

/** What the owner is asked to write into a promotion so a kind of weather finds it, with an example. */
export const OFFER_HINTS: Record<WeatherSignal, { label: string; word: string; example: string }> = {
  rain: { label: '雨天', word: '雨天', example: '雨天外卖满30减5' },
  snow: { label: '下雪天', word: '下雪', example: '下雪天热饮第二杯半价' },
  heat: { label: '高温天', word: '高温', example: '高温天冰饮第二杯半价' },
  cold: { label: '降温天', word: '降温', example: '降温后热饮买一送一' },
};

/** Products a kind of weather sells besides the goods it moves (drinks and dishes): named beside the offer. */
const WEATHER_PICKS: Record<WeatherSignal, RegExp> = {
  rain: WEATHER_GOODS.rain,
  snow: new RegExp(`热饮|姜|红枣|桂圆|热可可|${WEATHER_GOODS.snow.source}`),
  heat: new RegExp(`冰|冷饮|雪糕|冰淇淋|西瓜|柠檬|绿豆|酸梅|凉茶|凉面|凉皮|${WEATHER_GOODS.heat.source}`),
  cold: new RegExp(`热饮|姜|红枣|桂圆|热可可|火锅|关东煮|烤红薯|${WEATHER_GOODS.cold.source}`),
};
const MAX_PICKS = 3;

type Product = { _id: unknown; name: string; category: string; tags: string[]; stock?: number; available: boolean };
type Promotion = Extract<Passage, { kind: 'policy' }>;
/** on sale: listed as available and not counted out */
const onSale = (p: Product) => p.available && p.stock !== 0;

/**
 * The catalogue products a promotion names. The longest name wins where names overlap: 「冰柠檬茶第二杯半价」 names
 * 冰柠檬茶, not also 柠檬茶, which is named only where it stands on its own.
 */
export function namedProducts<P extends { name: string }>(text: string, products: P[]): P[] {
  let rest = text;
  const named: P[] = [];
  const lengths = [...new Set(products.map((p) => p.name.length))].filter((n) => n > 0).sort((a, b) => b - a);
  for (const length of lengths) {
    const found = products.filter((p) => p.name.length === length && rest.includes(p.name));
    named.push(...found);
    // the names found are blanked out, so the shorter names inside them are not found there
    for (const p of found) rest = rest.split(p.name).join('\u0000');
  }
  return named;
}

/** The weather the offer watches for on a day: the weather module's rain, snow and cold snap, and heat at `hotC`. */
export function offerSignals(day: DayForecast, previous: DayForecast | undefined, hotC: number): WeatherSignal[] {
  const signals: WeatherSignal[] = weatherSignals(day, previous).filter((s) => s !== 'heat');
  if (day.tempMax >= hotC) signals.push('heat');
  return signals;
}

export type WeatherOfferPlan =
  | { signal: WeatherSignal; day: DayForecast; offer: Promotion; picks: Product[] }
  | { signal: WeatherSignal; day: DayForecast; missing: 'no_offer' }
  | { signal: WeatherSignal; day: DayForecast; missing: 'sold_out'; offer: Promotion; product: string };

/**
 * Tomorrow's offer, or why there is none; null when tomorrow brings no weather the offer watches for, or only weather
 * that holds today already (the customers heard of it when the spell began). The first kind of new weather the shop
 * has a promotion for wins; a promotion naming a catalogue product that is not on sale is not offered.
 */
export function weatherOfferPlan(
  tomorrow: { day: DayForecast; previous?: DayForecast },
  kb: { passages: Passage[]; products: Product[] },
  hotC: number,
): WeatherOfferPlan | null {
  const { day, previous } = tomorrow;
  const holding = previous ? offerSignals(previous, undefined, hotC) : [];
  const fresh = offerSignals(day, previous, hotC).filter((s) => !holding.includes(s));
  if (!fresh.length) return null;
  const promotions = kb.passages.filter((p): p is Promotion => p.kind === 'policy' && p.policyKind === 'promotion');
  let soldOut: WeatherOfferPlan | undefined;
  for (const signal of fresh) {
    for (const offer of promotions.filter((p) => OFFER_WORDS[signal].test(p.text))) {
      const named = namedProducts(offer.text, kb.products);
      const gone = named.find((p) => !onSale(p));
      if (gone) {
        soldOut ??= { signal, day, missing: 'sold_out', offer, product: gone.name };
        continue;
      }
      const picks = kb.products
        .filter((p) => onSale(p) && [p.name, p.category, ...p.tags].some((t) => WEATHER_PICKS[signal].test(t)))
        .filter((p) => !named.includes(p))
        .slice(0, MAX_PICKS);
      return { signal, day, offer, picks };
    }
  }
  return soldOut ?? { signal: fresh[0]!, day, missing: 'no_offer' };
}

/** "明天高温（晴，26~35℃）" — the forecast as the weather record gives it. */
export const forecastLine = (signal: WeatherSignal, day: DayForecast) =>
  `明天${SIGNAL_NAMES[signal]}（${describeDay(day)}）`;

/** The customer's message: the forecast, the shop's promotion as written, and what that weather sells. */
export function weatherOfferText(plan: Extract<WeatherOfferPlan, { picks: Product[] }>, who: string): string {
  const picks = plan.picks.length ? `推荐：${plan.picks.map((p) => p.name).join('、')}。` : '';
  return `${who}您好，${forecastLine(plan.signal, plan.day)}，店里有「${plan.offer.title}」：${plan.offer.content}。${picks}需要的话直接回复我～`;
}

/** The owner's word when tomorrow's weather finds no promotion to offer (the 天气优惠推荐 alert). */
export function missingOfferNote(plan: Extract<WeatherOfferPlan, { missing: string }>): {
  title: string;
  body: string;
} {
  const title = `${forecastLine(plan.signal, plan.day)}，没有给顾客拟天气优惠`;
  if (plan.missing === 'sold_out')
    return {
      title,
      body: `「${plan.offer.title}」里的${plan.product}现在没货，所以没有给顾客发这条优惠。补货后，同样的天气再来时会再拟好草稿给你确认。`,
    };
  const hint = OFFER_HINTS[plan.signal];
  return {
    title,
    body: `店里没有写明${hint.label}能用的优惠，所以没有给顾客拟消息（不会替你编优惠）。想发的话，在「常见问答与规定」里加一条「优惠活动」，写上“${hint.word}”（如：${hint.example}），同样的天气再来时会拟好草稿给你确认。`,
  };
}
