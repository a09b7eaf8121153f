// What each calendar topic says, grounded in the shop's data: a new item or today's best-stocked item with its menu
// price (cited), the week's birthdays among the group's customers, the interaction formats the seeds name (接龙,
// guess-and-win, "预约+时间"). No discount or prize is invented; every text still passes the guardrails.
import type { CalendarSlot, GroupPostKind } from '@xiaoer/common/constants/groups';
import { GROUP_CARE, type WeatherSignal } from '../weather/weather-signals.js';
import type { CustomerRecord } from '../customers/customer.repository.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import { yuanText } from '@xiaoer/common/money';

/** The week's classes of the group's students (the parents' weekly report). */
export interface WeekAttendance {
  classes: number;
  present: number;
  /** students who attended every class they had */
  fullAttendance: string[];
}

export interface WrittenPost {
  text: string;
  citedIds: string[];
}

const TIPS: Record<string, string> = {
  餐饮: '小贴士：奶茶现做现喝口感更好，外带的话建议 30 分钟内喝完，少冰更能喝出茶香～',
  零售: '小贴士：换季衣物洗好晾干再收纳，放一包干燥剂，明年拿出来还是新的～',
  电商: '小贴士：收到货先检查外包装再签收，有问题随时在群里找我们～',
  本地服务: '小贴士：染烫后一周内尽量用温水洗头、少用高温吹风，颜色和卷度能保持更久～',
  教育培训: '本周学习小建议：每天固定 20 分钟复习当天内容，比周末突击效果好很多～',
};

export function writePost(
  slot: CalendarSlot,
  kb: KnowledgeBase,
  birthdays: CustomerRecord[],
  attendance?: WeekAttendance,
): WrittenPost | null {
  const onSale = kb.products.filter((p) => p.available && p.stock !== 0);
  const cite = (p: (typeof onSale)[number]) => [`product:${p._id}`];
  switch (slot.topic) {
    case 'new_item': {
      const item =
        onSale.find((p) => p.tags.includes('新品')) ??
        [...onSale].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
      return item
        ? {
            text: `【${slot.title}】本周推荐：${item.name}，${yuanText(item.price)}元。${item.description ?? ''}来店里尝尝，喝完在群里说说感受呀～`,
            citedIds: cite(item),
          }
        : null;
    }
    case 'surplus_offer':
    case 'member_price': {
      const item =
        [...onSale].filter((p) => typeof p.stock === 'number').sort((a, b) => (b.stock ?? 0) - (a.stock ?? 0))[0] ??
        onSale.find((p) => p.tags.includes('爆款'));
      return item
        ? {
            text: `【${slot.title}】${item.name}今天备得足，${yuanText(item.price)}元，群里说一声就给您留着，到店直接取～`,
            citedIds: cite(item),
          }
        : null;
    }
    case 'food_safety':
      return {
        text: `【${slot.title}】本周门店自查已完成：原料效期、冷藏温度、操作台消毒都已检查记录，大家放心喝～`,
        citedIds: [],
      };
    case 'flavour_guess':
      return {
        text: `【${slot.title}】下周新品先卖个关子：颜色是粉色的，带一点果香。猜猜是什么口味？在群里回复你的答案，揭晓时一起看看谁猜中了～`,
        citedIds: [],
      };
    case 'chain_signup':
      return {
        text: `【${slot.title}】周末想喝的在群里接龙：回复「接龙+饮品+数量」，我们按顺序提前做好，到店直接取～`,
        citedIds: [],
      };
    case 'booking_slots':
      return {
        text: `【${slot.title}】这几天还有空档，想约的在群里回复「预约+日期+时间」，我们马上帮您确认～`,
        citedIds: [],
      };
    case 'qa_time':
      return {
        text: `【${slot.title}】今晚 8 点老师在群里答疑，孩子学习上的问题可以提前留言，我们一起看看～`,
        citedIds: [],
      };
    case 'weekly_tip':
      return { text: `【${slot.title}】${TIPS[kb.merchant.industry]}`, citedIds: [] };
    case 'study_report': {
      if (!attendance?.classes) return null;
      const rate = Math.round((attendance.present / attendance.classes) * 100);
      const stars = attendance.fullAttendance.length
        ? `本周全勤：${attendance.fullAttendance.join('、')}，给小朋友们点个赞👍`
        : '下周我们一起争取全勤～';
      return {
        text: `【${slot.title}】本周共上课 ${attendance.classes} 节次，出勤率 ${rate}%。${stars}有请假的同学记得和老师约补课。`,
        citedIds: [],
      };
    }
    case 'weather_care': // not a calendar slot: drafted from the forecast (GroupPostService.draftWeatherPosts)
      return null;
    case 'birthday_wishes':
      return birthdays.length
        ? {
            text: `【${slot.title}】这周过生日的有${birthdays.map((c) => c.remark || c.name).join('、')}，祝生日快乐🎂！生日这周来店里，我们准备了一份小心意～`,
            citedIds: [],
          }
        : null;
  }
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
