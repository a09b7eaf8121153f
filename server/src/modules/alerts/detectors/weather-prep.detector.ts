import { toMinutes } from '../../clock/business-hours.js';
import type { Industry } from '@xiaoer/common/constants/industries';
import type { OrderRepository } from '../../orders/order.repository.js';
import type { WeatherService } from '../../weather/weather.service.js';
import { weatherGoods, weatherGoodsLine, type WeatherGood } from '../../weather/weather-goods.js';
import {
  describeDay,
  OWNER_ADVICE,
  SIGNAL_NAMES,
  type DayForecast,
  type WeatherSignal,
} from '../../weather/weather-signals.js';
import { DAY_MS, type NewAlert, type ScanDetector } from './detector.js';

/** the sales window the stock lines quote */
const SALES_DAYS = 7;

/**
 * Tomorrow's rain, snow, heat or cold snap with the industry's preparation, once per day and kind of weather; with
 * the stock on hand of the shop's goods that weather moves, when it counts any.
 */
export function weatherPrepRule(
  tomorrow: { day: DayForecast; signals: WeatherSignal[] } | null,
  industry: Industry,
  goods: Partial<Record<WeatherSignal, WeatherGood[]>> = {},
): NewAlert[] {
  if (!tomorrow) return [];
  const { day, signals } = tomorrow;
  return signals.map((signal) => {
    const stock = weatherGoodsLine(goods[signal] ?? [], SALES_DAYS);
    return {
      kind: 'weather_prep' as const,
      key: `${day.date}:${signal}`,
      level: 'info' as const,
      title: `明天${SIGNAL_NAMES[signal]}：${describeDay(day)}`,
      body: stock ? `${OWNER_ADVICE[industry][signal]}${stock}` : OWNER_ADVICE[industry][signal],
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
  orders: Pick<OrderRepository, 'itemSalesSince'>;
}): ScanDetector => ({
  kind: 'weather_prep',
  due: (ctx) => ctx.localMinutes >= toMinutes(ctx.settings.weather_prep.at),
  async detect({ merchantId, kb, now }) {
    const tomorrow = await d.weather.tomorrow(merchantId, now);
    if (!tomorrow?.signals.length) return weatherPrepRule(tomorrow, kb.merchant.industry);
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
    return weatherPrepRule(tomorrow, kb.merchant.industry, goods);
  },
});
