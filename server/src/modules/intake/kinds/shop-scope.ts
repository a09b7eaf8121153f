// A 店长 assigned to some shops reports those shops' records only: another shop's count, or one for the whole
// merchant (which would overwrite every shop's), is refused with the reason in Chinese.
import type { Types } from 'mongoose';
import type { StoreContext } from '../intake-kind.js';

/** Why the reporter may not write for this shop (undefined: they may). */
export function outsideScope(
  ctx: Pick<StoreContext, 'scope'>,
  shop: { id: Types.ObjectId; name: string } | undefined,
): string | undefined {
  if (!ctx.scope) return undefined;
  if (!shop) return '请写明是哪家门店的库存';
  return ctx.scope.some((id) => id.equals(shop.id)) ? undefined : `只能提交你负责的门店的库存（${shop.name}不是）`;
}

/** The shop a per-shop stock item's name ends with ("芋泥（大学城店）"), as stock levels name them. */
export const shopOfItem = (item: string) => /（([^（）]+)）$/.exec(item)?.[1];
