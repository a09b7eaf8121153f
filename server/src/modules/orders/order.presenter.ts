import type { RecentOrderDto } from '@xiaoer/common/schemas/sidebar';
import type { OrderRecord } from './order.repository.js';

/** An order as the sidebar lists it under the customer: amount in fen, the items in one line ("杨枝甘露×2、芋泥波波"). */
export const presentOrder = (o: OrderRecord): RecentOrderDto => ({
  id: o._id.toHexString(),
  placedAt: o.placedAt.toISOString(),
  channel: o.channel,
  status: o.status,
  amount: o.amount,
  items: o.items.map((i) => (i.quantity > 1 ? `${i.name}×${i.quantity}` : i.name)).join('、'),
});
