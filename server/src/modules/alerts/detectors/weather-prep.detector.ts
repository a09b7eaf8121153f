import { merchantZone, toMinutes } from '../../clock/business-hours.js';
import type { Industry } from '@xiaoer/common/constants/industries';
import type { OrderRepository } from '../../orders/order.repository.js';
import { historyWindow, weekdayHistory, type WeekdayDay } from '../../orders/weekday-history.js';
import type { WeatherService } from '../../weather/weather.service.js';
import { weatherGoods, weatherGoodsLine, type WeatherGood } from '../../weather/weather-goods.js';
import {
  describeDay,
  OWNER_ADVICE,
  SIGNAL_NAMES,
  type DayForecast,
  type WeatherSignal,
} from '../../weather/weather-signals.js';
import type { MerchantId } from '../../../tenancy/merchant-id.js';
import { DAY_MS, type NewAlert, type ScanDetector } from './detector.js';

/** the sales window the stock lines quote */
const SALES_DAYS = 7;
/** the weeks of the same weekday a restaurant's busiest hours are read from */
const PEAK_WEEKS = 4;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/**
 * A restaurant's busiest hours tomorrow as its last weeks' same weekday held them (two at most, an order an hour at
 * least): the weather moves its orders, and these are the hours to staff and stock for. Nothing without the history.
 */
export function busiestHoursLine(usual: WeekdayDay | undefined, weekday: number): string {
  if (!usual) return '';
  const busiest = usual.ordersByHour
    .map((avg, hour) => ({ hour, avg }))
    .filter((h) => h.avg >= 1)
    .sort((a, z) => z.avg - a.avg || a.hour - z.hour)
    .slice(0, 2)
    .sort((a, z) => a.hour - z.hour);
  if (!busiest.length) return '';
  const spans = busiest.map((h) => `${hh(h.hour)}–${hh(h.hour + 1)}（平均${Math.round(h.avg)}单）`);
  return `按过去${usual.days}个${WEEKDAYS[weekday]}，明天最忙的是${spans.join('和')}，请按这些时段提前排好人手和备料。`;
}

/** One alert per day and kind of weather. */
const weatherPrepKeys = (date: string, signals: WeatherSignal[]) => signals.map((s) => `${date}:${s}`);

/**
 * Tomorrow's rain, snow, heat or cold snap with the industry's preparation, once per day and kind of weather; with
 * the stock on hand of the shop's goods that weather moves, when it counts any.
 */
export function weatherPrepRule(
  tomorrow: { day: DayForecast; signals: WeatherSignal[] } | null,
  industry: Industry,
  goods: Partial<Record<WeatherSignal, WeatherGood[]>> = {},
  /** a restaurant's busiest hours tomorrow (busiestHoursLine) */
  peaks = '',
): NewAlert[] {
  if (!tomorrow) return [];
  const { day, signals } = tomorrow;
  return signals.map((signal) => {
    const stock = weatherGoodsLine(goods[signal] ?? [], SALES_DAYS);
    return {
      kind: 'weather_prep' as const,
      key: weatherPrepKeys(day.date, [signal])[0]!,
      level: 'info' as const,
      title: `明天${SIGNAL_NAMES[signal]}：${describeDay(day)}`,
      body: `${OWNER_ADVICE[industry][signal]}${stock}${peaks}`,
      data: {
        date: day.date,
        signal,
        forecast: describeDay(day),
        ...(goods[signal]?.length ? { goods: goods[signal] } : {}),
      },
    };
  });
}

/** Looked at from the owner's weather hour (15:00 unless changed): tomorrow is known well enough by then. */
export const weatherPrepDetector = (d: {
  weather: Pick<WeatherService, 'tomorrow'>;
  orders: Pick<OrderRepository, 'itemSalesSince' | 'inRange' | 'firstOrderAt'>;
}): ScanDetector => ({
  kind: 'weather_prep',
  due: (ctx) => ctx.localMinutes >= toMinutes(ctx.settings.weather_prep.at),
  // tomorrow's signals are its keys: once each has been told, later ticks read no orders or sales for it
  keysDue: async ({ merchantId, now }) => {
    const tomorrow = await d.weather.tomorrow(merchantId, now);
    return tomorrow ? weatherPrepKeys(tomorrow.day.date, tomorrow.signals) : [];
  },
  async detect({ merchantId, kb, now, today }) {
    const tomorrow = await d.weather.tomorrow(merchantId, now);
    if (!tomorrow?.signals.length) return weatherPrepRule(tomorrow, kb.merchant.industry);
    const peaks =
      kb.merchant.industry === '餐饮'
        ? await busiestTomorrow(d.orders, merchantId, merchantZone(kb.merchant), today, tomorrow.day.date)
        : '';
    const bySignal = new Map(tomorrow.signals.map((s) => [s, weatherGoods(kb.products, s)]));
    const names = [...new Set([...bySignal.values()].flat().map((p) => p.name))];
    const sold = names.length
      ? await d.orders.itemSalesSince(merchantId, new Date(now.getTime() - SALES_DAYS * DAY_MS), names)
      : new Map<string, number>();
    const goods = Object.fromEntries(
      [...bySignal].map(([s, products]) => [
        s,
        products.map((p) => ({ name: p.name, stock: p.stock!, sold: sold.get(p.name) ?? 0 })),
      ]),
    );
    return weatherPrepRule(tomorrow, kb.merchant.industry, goods, peaks);
  },
});

/** The restaurant's usual busiest hours on tomorrow's weekday, from the last weeks' orders. */
async function busiestTomorrow(
  orders: Pick<OrderRepository, 'inRange' | 'firstOrderAt'>,
  merchantId: MerchantId,
  zone: string,
  today: string,
  date: string,
): Promise<string> {
  const window = historyWindow(today, PEAK_WEEKS, zone);
  const [sales, firstOrderAt] = await Promise.all([
    orders.inRange(merchantId, window.start, window.end),
    orders.firstOrderAt(merchantId),
  ]);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const history = weekdayHistory({ orders: sales, today, weeks: PEAK_WEEKS, zone, firstOrderAt });
  return busiestHoursLine(history.get(weekday), weekday);
}
