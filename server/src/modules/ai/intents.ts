// What a customer's message is about, by the words shops actually see. Ordered: the first matching intent wins,
// so an opt-out or a complaint is never mistaken for a price question.
export const INTENTS = [
  'opt_out',
  'human',
  'complaint',
  'booking',
  'delivery',
  'refund',
  'hours',
  'address',
  'phone',
  'stock',
  'price',
  'recommend',
  'greeting',
  'thanks',
] as const;
export type Intent = (typeof INTENTS)[number] | 'unknown';

const PATTERNS: [Intent, RegExp][] = [
  ['opt_out', /^\s*(退订|td|t d|取消订阅|别再发|不要再发|拒收)\s*[。!！]?\s*$/i],
  ['human', /(转?人工|真人|找店员|找店长|找老板|叫.*店员|人工客服|跟人聊)/],
  ['complaint', /(投诉|差评|举报|太差|难喝|难吃|拉肚子|不新鲜|变质|头发|异物|虫子|食物中毒|坏了|态度差|骗人|欺骗)/],
  ['booking', /(预约|预订|预定|订位|订桌|订座|提前订|包场)/],
  ['delivery', /(外卖|配送|送到|送货|美团|饿了么|派送|跑腿|多久能到)/],
  ['refund', /(退款|退钱|退货|换货|赔偿)/],
  ['hours', /(几点|营业时间|开门|关门|打烊|营业吗|开到|还开着|休息吗|上班时间)/],
  ['address', /(地址|在哪|怎么走|位置|哪里|导航)/],
  ['phone', /(电话|联系方式|手机号)/],
  ['stock', /(还有吗|还有没有|有没有|卖完|售罄|有货|没货|还有.*吗|今天有|有吗$|有吗[？?]$|名额)/],
  ['price', /(多少钱|价格|几块|价钱|贵不贵|怎么卖|啥价|什么价|多钱|价位|收费|怎么算钱)/],
  ['recommend', /(推荐|好喝|好吃|招牌|爆款|新品|什么好|喝什么|吃什么)/],
  ['greeting', /^(你好|您好|在吗|在不在|hello|hi|哈喽|嗨)[呀啊吗?？!！。~～\s]*$/i],
  ['thanks', /^(谢谢|多谢|感谢|好的谢谢|thx|thanks)[呀啊!！。~～\s]*$/i],
];

export function detectIntent(text: string): Intent {
  const t = text.trim();
  for (const [intent, pattern] of PATTERNS) if (pattern.test(t)) return intent;
  return 'unknown';
}
