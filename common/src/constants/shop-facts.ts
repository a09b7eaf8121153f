// The facts about the business customers ask about that are neither a product nor a policy: how to pay, where to
// order delivery, how to book, which courier and from where, the wifi. Stored on the merchant as {topic, text} pairs
// (parking is per shop: see the shop's `parking`). The keys are what the engine matches a question's topic to; the
// labels and examples are what the owner sees in the console.

export const SHOP_FACT_TOPICS = [
  'payment',
  'delivery_platforms',
  'booking',
  'couriers',
  'ship_from',
  'shipping_time',
  'invoice',
  'wifi',
  'other',
] as const;
export type ShopFactTopic = (typeof SHOP_FACT_TOPICS)[number];

export const SHOP_FACT_LABELS: Record<ShopFactTopic, string> = {
  payment: '支付方式',
  delivery_platforms: '外卖/配送平台',
  booking: '预约方式',
  couriers: '快递公司',
  ship_from: '发货地',
  shipping_time: '发货时间',
  invoice: '发票',
  wifi: 'WiFi',
  other: '其他',
};

/** What an owner would write, shown as the field's placeholder. */
export const SHOP_FACT_EXAMPLES: Record<ShopFactTopic, string> = {
  payment: '微信、支付宝、现金都可以，会员卡可抵扣',
  delivery_platforms: '美团外卖、饿了么都能点，搜「茶语时光」',
  booking: '提前一天在微信里说时间就行，也可以打门店电话',
  couriers: '默认中通，顺丰需补差价',
  ship_from: '浙江杭州',
  shipping_time: '下午 4 点前下单当天发，其余次日发',
  invoice: '可以开电子普通发票，付款后把抬头和税号发给客服',
  wifi: '网络 CYSG-5G，密码 88886666',
  other: '',
};

/** The parking note of one shop (per shop, not per merchant): the label the console shows. */
export const PARKING_LABEL = '停车';
