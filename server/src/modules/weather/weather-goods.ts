// What tomorrow's weather sells, tied to the shop's own stock: the products a kind of weather moves (umbrellas in
// rain, thermos cups in a cold snap), found by their name, category or tags, with the stock on hand the catalogue
// counts and what sold lately. Only counted stock is told, so every number is the shop's own.
import type { WeatherSignal } from './weather-signals.js';

/** Goods each kind of weather moves (things, not drinks or services: their stock is what can run out). */
export const WEATHER_GOODS: Record<WeatherSignal, RegExp> = {
  rain: /雨伞|折叠伞|晴雨伞|雨衣|雨披|雨靴|雨鞋|鞋套|防水袋/,
  snow: /雪地靴|防滑|手套|围巾|暖宝宝|暖贴|暖手宝|保暖|羽绒|铲雪/,
  heat: /防晒|遮阳|太阳伞|风扇|冰袖|凉席|冰垫|驱蚊|花露水|藿香正气/,
  cold: /保温杯|保温壶|暖宝宝|暖贴|暖手宝|热水袋|保暖|羽绒|围巾|手套|电热毯|秋衣|秋裤|加绒/,
};

export interface WeatherGood {
  name: string;
  stock: number;
  /** units sold over the window the caller read */
  sold: number;
}

type Product = { name: string; category: string; tags: string[]; stock?: number; available: boolean };

/** The shop's products with counted stock that this weather moves, in catalogue order (at most `limit`). */
export function weatherGoods(products: Product[], signal: WeatherSignal, limit = 8): Product[] {
  const re = WEATHER_GOODS[signal];
  return products
    .filter((p) => p.stock !== undefined && [p.name, p.category, ...p.tags].some((t) => re.test(t)))
    .slice(0, limit);
}

/**
 * "店里的相关商品：雨伞还有12件（最近7天卖了14件）、雨衣已卖完。缺货或快卖完的建议今天补上。" — the last sentence only
 * when one is out or will not last two days at its recent pace.
 */
export function weatherGoodsLine(goods: WeatherGood[], days: number): string {
  if (!goods.length) return '';
  const said = goods.map((g) =>
    g.stock <= 0 ? `${g.name}已卖完` : `${g.name}还有${g.stock}件${g.sold ? `（最近${days}天卖了${g.sold}件）` : ''}`,
  );
  const short = goods.some((g) => g.stock <= 0 || (g.sold > 0 && g.stock < (2 * g.sold) / days));
  return `店里的相关商品：${said.join('、')}。${short ? '缺货或快卖完的建议今天补上。' : ''}`;
}
