import type { Industry } from '@xiaoer/common/constants/industries';
import { FESTIVALS } from '@xiaoer/common/constants/scenarios';
import { formatFen } from '@xiaoer/common/money';
import type { OrderRecord, OrderRepository } from '../../orders/order.repository.js';
import { addDays } from '../../clock/period.js';
import { afterReportTime, DAY_MS, type NewAlert, type ScanDetector } from './detector.js';

interface Holiday {
  date: string;
  name: string;
}

const HOLIDAY_ADVICE: Record<Industry, string> = {
  餐饮: '建议提前备好原料和包材、排好人手，并在客户群预告节日活动。',
  零售: '建议提前补货热销款、布置节日陈列，并在VIP群预告新品和优惠。',
  电商: '建议提前备货、确认快递截单时间，并提前预告活动。',
  本地服务: '建议提前排好技师档期，在客户群开放节日预约。',
  教育培训: '如有停课，建议提前一周通知家长停课安排和假期作业。',
};

/** Festivals and the shop's own closures after today and up to `lastDay`. */
export const comingHolidays = (own: Holiday[], today: string, lastDay: string): Holiday[] =>
  [...FESTIVALS, ...own].filter((f) => f.date > today && f.date <= lastDay);

/** The three whole UTC days up to the same date last year (a few hours of zone offset do not change the picture). */
export function lastYearWindow(date: string): { start: Date; end: Date } {
  const end = new Date(Date.parse(`${Number(date.slice(0, 4)) - 1}${date.slice(4)}T00:00:00Z`) + DAY_MS);
  return { start: new Date(end.getTime() - 3 * DAY_MS), end };
}

/** "去年同期3天营业额…、…单，卖得最好的是…。" from those days' orders, or '' without history. */
export function lastYearLine(orders: Pick<OrderRecord, 'status' | 'amount' | 'items'>[]): string {
  const paid = orders.filter((o) => o.status !== 'refunded' && o.status !== 'cancelled');
  if (!paid.length) return '';
  const revenue = paid.reduce((s, o) => s + o.amount, 0);
  const items = new Map<string, number>();
  for (const o of paid) for (const i of o.items) items.set(i.name, (items.get(i.name) ?? 0) + i.quantity);
  const top = [...items]
    .sort((a, z) => z[1] - a[1])
    .slice(0, 3)
    .map(([n]) => n);
  return `去年同期3天营业额${formatFen(revenue)}、${paid.length}单${top.length ? `，卖得最好的是${top.join('、')}` : ''}。`;
}

/** A holiday coming up, told once, with last year's same days when there is history and the industry's advice. */
export function holidayPrepRule(holiday: Holiday, today: string, lastYear: string, industry: Industry): NewAlert {
  const inDays = Math.round((Date.parse(holiday.date) - Date.parse(today)) / DAY_MS);
  return {
    kind: 'holiday_prep',
    key: `${holiday.date}:${holiday.name}`,
    level: 'info',
    title: `${holiday.name}还有${inDays}天`,
    body: [lastYear, HOLIDAY_ADVICE[industry]].filter(Boolean).join(''),
    data: { date: holiday.date, name: holiday.name },
  };
}

/** `daysAhead` days before a festival or closure, after the report time. */
export const holidayPrepDetector = (d: { orders: Pick<OrderRepository, 'inRange'> }): ScanDetector => ({
  kind: 'holiday_prep',
  due: afterReportTime,
  async detect({ merchantId, kb, settings, today }) {
    const own = kb.merchant.holidays.map((h) => ({ date: h.date, name: h.name }));
    const coming = comingHolidays(own, today, addDays(today, settings.holiday_prep.daysAhead));
    return Promise.all(
      coming.map(async (h) => {
        const { start, end } = lastYearWindow(h.date);
        const lastYear = lastYearLine(await d.orders.inRange(merchantId, start, end));
        return holidayPrepRule(h, today, lastYear, kb.merchant.industry);
      }),
    );
  },
});
