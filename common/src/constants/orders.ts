/** How an order reached the shop. */
export const ORDER_CHANNELS = ['堂食', '外卖', '团购', '线上'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

export const ORDER_STATUSES = ['paid', 'completed', 'refunded', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
