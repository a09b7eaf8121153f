// What each calendar topic says: the industry template's text (its interaction format: 接龙 for restaurants, 预留+尺码
// for shops, 预约+日期+时间 for services, 打卡/报名 for schools, 拼单 for online shops), filled from the record its source
// names — a 新品-tagged product for a new-item teaser, the best-stocked item, the week's birthdays, the week's classes, a
// self-check the shop wrote down — and citing it. No record, no post: nothing is said that the shop's data does not
// back. No discount or prize is invented; every text still passes the guardrails.
import type { CalendarSlot, GroupPostKind } from '@xiaoer/common/constants/groups';
import { GROUP_CARE, type WeatherSignal } from '../weather/weather-signals.js';
import type { CustomerRecord } from '../customers/customer.repository.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import type { GroupPostSource } from '../templates/industry-template.js';
import { INDUSTRY_KNOWLEDGE } from '../templates/templates.js';
import { yuanText } from '@xiaoer/common/money';

/** The week's classes of the group's students (the parents' weekly report). */
export interface WeekAttendance {
  /** classes held (a course at one hour), however many students each had */
  classes: number;
  /** students' places in those classes (one attendance record each) */
  places: number;
  /** places attended */
  present: number;
  /** students who attended every class they had */
  fullAttendance: string[];
}

export interface WrittenPost {
  text: string;
  citedIds: string[];
}

type Product = KnowledgeBase['products'][number];

/** A post's record, by the template's source: what fills its placeholders and what it cites. */
interface Found {
  fill: Record<string, string>;
  citedIds: string[];
}

/** A product's own words about itself: its description, else its attributes ("颜色：粉色"), as one sentence. */
function traits(p: Product): string {
  const said = p.description?.trim() || (p.attributes ?? []).map((a) => `${a.name}${a.value}`).join('，');
  if (!said) return '';
  return /[。！？～!?]$/.test(said) ? said : `${said}。`;
}

const productFill = (p: Product): Found => ({
  fill: { '{商品}': p.name, '{价格}': yuanText(p.price), '{特点}': traits(p) },
  citedIds: [`product:${p._id}`],
});

/** The record behind a template's source in the shop's data, or undefined: then the post is not drafted. */
function findSource(
  source: GroupPostSource,
  kb: KnowledgeBase,
  birthdays: CustomerRecord[],
  attendance: WeekAttendance | undefined,
): Found | undefined {
  const onSale = kb.products.filter((p) => p.available && p.stock !== 0);
  switch (source) {
    case 'none':
      return { fill: {}, citedIds: [] };
    case 'new_product': {
      const fresh = onSale.find((p) => p.tags.includes('新品'));
      return fresh && productFill(fresh);
    }
    case 'stocked_product': {
      const stocked = onSale
        .filter((p) => typeof p.stock === 'number' && p.stock > 0)
        .sort((a, b) => b.stock! - a.stock!)[0];
      return stocked && productFill(stocked);
    }
    case 'popular_product': {
      const popular = onSale.find((p) => p.tags.includes('爆款'));
      return popular && productFill(popular);
    }
    case 'birthdays':
      return birthdays.length
        ? { fill: { '{寿星}': birthdays.map((c) => c.remark || c.name).join('、') }, citedIds: [] }
        : undefined;
    case 'attendance': {
      if (!attendance?.classes) return undefined;
      const stars = attendance.fullAttendance.length
        ? `本周全勤：${attendance.fullAttendance.join('、')}，给小朋友们点个赞👍`
        : '下周我们一起争取全勤～';
      return {
        fill: {
          '{节次}': String(attendance.classes),
          '{出勤率}': String(Math.round((attendance.present / attendance.places) * 100)),
          '{全勤}': stars,
        },
        citedIds: [],
      };
    }
    case 'self_check': {
      const check = kb.passages.find((p) => p.kind === 'policy' && SELF_CHECK.test(p.text));
      return check?.kind === 'policy' ? { fill: { '{记录}': check.content }, citedIds: [check.id] } : undefined;
    }
  }
}
/** A policy the shop wrote about its own checks: the only ground for a hygiene post. */
const SELF_CHECK = /自查|食品安全|卫生|消毒/;

/**
 * The calendar slot's post from the industry template (templates/industries/*.ts): its text with the record's facts
 * filled in, citing the record; null when the industry has no text for the topic or the shop has no such record.
 */
export function writePost(
  slot: CalendarSlot,
  kb: KnowledgeBase,
  birthdays: CustomerRecord[],
  attendance?: WeekAttendance,
): WrittenPost | null {
  if (slot.topic === 'weather_care') return null; // drafted from the forecast (GroupPostService.draftWeatherPosts)
  const template = INDUSTRY_KNOWLEDGE[kb.merchant.industry].groupPosts[slot.topic];
  const found = template && findSource(template.source, kb, birthdays, attendance);
  if (!template || !found) return null;
  const fill: Record<string, string> = { '{标题}': slot.title, ...found.fill };
  return { text: template.text.replace(/\{[^}]+\}/g, (p) => fill[p] ?? ''), citedIds: found.citedIds };
}

/**
 * The morning's weather care, grounded like every post: on a wet day a shop's own rainy-day offer (a promotion policy
 * that mentions rain) when it has one and the week has room for promotion, else how to order without going out (its
 * delivery policy), else the care line alone. Nothing the shop did not write down is promised.
 */
export function weatherPost(
  kb: KnowledgeBase,
  signal: WeatherSignal,
  title: string,
  promoAllowed: boolean,
): WrittenPost & { kind: GroupPostKind } {
  const care = `【${title}】${GROUP_CARE[kb.merchant.industry][signal]}`;
  if (signal !== 'rain' && signal !== 'snow') return { text: care, citedIds: [], kind: 'useful' };
  const policies = kb.passages.filter((p) => p.kind === 'policy');
  const offer = promoAllowed ? policies.find((p) => p.policyKind === 'promotion' && /雨|雪/.test(p.text)) : undefined;
  if (offer) return { text: `${care}\n雨雪天福利：${offer.content}`, citedIds: [offer.id], kind: 'promo' };
  const delivery = policies.find((p) => p.policyKind === 'delivery');
  if (delivery)
    return { text: `${care}\n不想出门也可以：${delivery.content}`, citedIds: [delivery.id], kind: 'useful' };
  return { text: care, citedIds: [], kind: 'useful' };
}
