// The owner alerts' judgements, kept pure so each rule is unit-tested: how low is this stock, which batches are
// really still on the shelf, what a bad review complains about and how to answer it.
import type { CopyTone } from '@xiaoer/common/schemas/knowledge-template';
import { greeting } from '../templates/copy-tone.js';

/** 0 = fine, 1 = 库存偏低, 2 = 库存告急 (or sold out). */
export type StockSeverity = 0 | 1 | 2;

/**
 * An item's own thresholds win; without them the thresholds follow its sales: below `coverDays` of sales is low,
 * below one day is critical. An item with neither thresholds nor sales is nobody's concern.
 */
export function stockSeverity(
  item: { quantity: number; low?: number; critical?: number },
  dailySales: number,
  coverDays: number,
): StockSeverity {
  const low = item.low ?? (dailySales > 0 ? dailySales * coverDays : undefined);
  const critical = item.critical ?? (dailySales > 0 ? dailySales : undefined);
  if (low === undefined && critical === undefined) return 0;
  if (item.quantity <= 0 || (critical !== undefined && item.quantity <= critical)) return 2;
  return low !== undefined && item.quantity <= low ? 1 : 0;
}

/** How many days the stock lasts at the current rate (rounded down), or undefined without sales. */
export const daysLeft = (quantity: number, dailySales: number) =>
  dailySales > 0 ? Math.max(0, Math.floor(quantity / dailySales)) : undefined;

export interface Batch {
  batchNo?: string;
  quantity: number;
  expiresOn: string;
}

/**
 * The batches still on the shelf: stock is used first-expiring-first, so what is left sits in the latest-expiring
 * batches. The on-hand quantity is spread over the batches from the latest expiry back.
 */
export function batchesOnHand(quantity: number, batches: Batch[]): Batch[] {
  let left = Math.max(0, quantity);
  const kept: Batch[] = [];
  for (const b of [...batches].sort((a, z) => z.expiresOn.localeCompare(a.expiresOn))) {
    if (left <= 0) break;
    const q = Math.min(b.quantity, left);
    kept.push({ ...b, quantity: q });
    left -= q;
  }
  return kept.reverse();
}

/** Batches on hand that expire on or before `lastDay` (YYYY-MM-DD), soonest first (already expired included). */
export const expiringBy = (onHand: Batch[], lastDay: string) =>
  onHand.filter((b) => b.expiresOn <= lastDay).sort((a, z) => a.expiresOn.localeCompare(z.expiresOn));

const TOPICS: [string, RegExp][] = [
  ['口味', /难喝|难吃|味道|太甜|太淡|太咸|不新鲜|变质|口感|苦|酸了/],
  ['分量', /分量|量少|太少|缩水|不满/],
  ['配送', /送|骑手|超时|太慢|等了|洒了|漏了|凉了/],
  ['服务', /态度|服务|不理|爱答不理|脸色|店员|技师|老师/],
  ['卫生', /头发|虫|脏|卫生|异物/],
  ['价格', /贵|不值|价格|收费|乱收/],
  ['效果', /效果|没效果|掉色|不满意|剪坏|做坏/],
];

/** What a review complains about (for the owner's "分析原因"). */
export function reviewTopics(text: string): string[] {
  return TOPICS.filter(([, re]) => re.test(text)).map(([topic]) => topic);
}

/**
 * A reply for the owner to post on the platform: apologise, name the complaint, offer to make it right — opened in
 * the industry's address (亲， for a shop online, 家长您好， for a school).
 */
export function reviewReply(topics: string[], tone: Pick<CopyTone, 'address'> = { address: '您' }): string {
  const about = topics.length ? `关于您提到的${topics.join('、')}问题，` : '';
  return `${greeting(tone)}非常抱歉这次没让您满意！${about}我们已经在店里复盘改进。方便的话请私信联系我们，我们一定给您一个满意的处理。`;
}

/** Menu items that sold fewer than `maxSold` in the window (the window's sales by item name). */
export function slowMovers(
  menu: { name: string }[],
  sold: Map<string, number>,
  maxSold: number,
): { name: string; sold: number }[] {
  return menu
    .map((p) => ({ name: p.name, sold: sold.get(p.name) ?? 0 }))
    .filter((p) => p.sold < maxSold)
    .sort((a, z) => a.sold - z.sold || a.name.localeCompare(z.name));
}

/** The half-hour slot a moment falls in, local "HH:mm": a rush is told once per slot. */
export const halfHourSlot = (localMinutes: number) => {
  const m = localMinutes - (localMinutes % 30);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
