// 智能纪要 for the sidebar: what this customer has asked and bought, in a few plain lines, and the tags their own
// words suggest — for staff to confirm, never applied on their own.
import { notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import { detectIntent, type Intent } from './intents.js';

const INTENT_WORDS: Partial<Record<Intent, string>> = {
  price: '问价格',
  stock: '问有没有货',
  hours: '问营业时间',
  address: '问地址',
  delivery: '问外卖配送',
  booking: '想预约',
  refund: '问退换',
  complaint: '有过投诉',
  recommend: '想要推荐',
  human: '要求人工',
};

/** Words in what the customer wrote → the tag they suggest. */
const TAG_HINTS: [RegExp, string][] = [
  [/(少糖|无糖|不要糖|三分糖|五分糖)/, '少糖党'],
  [/(去冰|少冰|常温|热的)/, '少冰党'],
  [/(外卖|送到|配送)/, '常点外卖'],
  [/(学生|学校|放学|考试)/, '学生'],
  [/(孩子|宝宝|小朋友|儿子|女儿)/, '宝妈宝爸'],
  [/(新品|新出|上新)/, '爱尝新品'],
  [/(生日)/, '生日关注'],
];

export class CustomerSummaryService {
  constructor(
    private customers: CustomerRepository,
    private orders: OrderRepository,
    private kf: KfRepository,
  ) {}

  async summarize(merchantId: MerchantId, customerId: string) {
    const customer = await this.customers.findById(merchantId, customerId);
    if (!customer) throw notFound('没有找到这位客户，可能已被删除');
    const history = customer.externalUserId ? await this.kf.conversation(merchantId, customer.externalUserId, 50) : [];
    const asked = history.filter((m) => m.direction === 'in' && m.text).map((m) => m.text!);
    const topics = [...new Set(asked.map((q) => INTENT_WORDS[detectIntent(q)]).filter(Boolean))];
    const favourites = await this.orders.favouriteItems(merchantId, customer._id, 3);
    const proposedTags = [
      ...new Set(TAG_HINTS.filter(([re]) => asked.some((q) => re.test(q))).map(([, tag]) => tag)),
    ].filter((t) => !customer.tags.includes(t));
    const lines = [
      favourites.length ? `常买：${favourites.map((f) => `${f.name}×${f.quantity}`).join('、')}` : '还没有消费记录',
      asked.length
        ? `最近在微信客服${topics.length ? topics.join('、') : '咨询过'}，最后一句：「${asked.at(-1)!.slice(0, 40)}」`
        : '最近没有在微信客服留言',
      customer.optedOut ? '已退订营销消息，请勿群发' : '',
    ].filter(Boolean);
    return { summary: lines.join('\n'), proposedTags };
  }
}
