// The regression set: the team's own 102 questions over five shops, written with the first engine (so it fits them).
// Each question lists the facts a right answer must contain, or that a person must take over. `npm run eval:ai`
// reports it apart; the figures that count are the held-out test split of server/eval/data.
import { Types } from 'mongoose';
import type { Industry } from '@xiaoer/common/constants/industries';
import { MILK_TEA_MENU } from '../src/demo/milk-tea-menu.js';
import { DEMO_FAQS, DEMO_POLICIES } from '../src/demo/milk-tea-knowledge.js';
import type { NewProduct } from '../src/modules/catalog/product.repository.js';
import type { Faq, Policy } from '../src/modules/knowledge/faq.model.js';
import { indexKnowledge, type KnowledgeBase } from '../src/modules/knowledge/knowledge-base.service.js';

export interface RegressionCase {
  q: string;
  /** substrings a right answer contains; empty with handoff: true when a person should answer */
  facts: string[];
  handoff: boolean;
}

export interface RegressionShop {
  name: string;
  industry: Industry;
  hours: { open: string; close: string };
  shop: { name: string; address: string; phone: string };
  products: NewProduct[];
  faqs: Pick<Faq, 'questions' | 'answer'>[];
  policies: Pick<Policy, 'kind' | 'title' | 'content'>[];
  cases: RegressionCase[];
}

const item = (name: string, category: string, yuan: number, extra: Partial<NewProduct> = {}): NewProduct => ({
  name,
  category,
  price: Math.round(yuan * 100),
  specs: [],
  tags: [],
  allergens: [],
  available: true,
  stock: 50,
  ...extra,
});
const ask = (q: string, ...facts: string[]): RegressionCase => ({ q, facts, handoff: false });
const human = (q: string): RegressionCase => ({ q, facts: [], handoff: true });

export const REGRESSION_SHOPS: RegressionShop[] = [
  {
    name: '茶语时光',
    industry: '餐饮',
    hours: { open: '10:00', close: '22:00' },
    shop: { name: '茶语时光·万达店', address: '万达广场 1 楼 112 号', phone: '0571-88886666' },
    products: MILK_TEA_MENU,
    faqs: DEMO_FAQS,
    policies: DEMO_POLICIES,
    cases: [
      ask('杨枝甘露多少钱', '18元'),
      ask('珍珠奶茶多少钱一杯', '12元'),
      ask('芋泥波波奶茶大杯多少钱', '15元', '大杯加3元'),
      ask('多肉葡萄怎么卖', '19元'),
      ask('生椰拿铁价格', '16元'),
      ask('手工麻薯还有吗', '售罄'),
      ask('草莓啵啵冰今天有吗', '只剩3份'),
      ask('几点关门', '22:00'),
      ask('店在哪里', '万达广场'),
      ask('电话多少', '0571-88886666'),
      ask('能开发票吗', '电子发票'),
      ask('外卖能送吗', '3 公里'),
      ask('可以去冰吗', '去冰'),
      ask('甜度可以调吗', '三分糖'),
      ask('有什么推荐', '杨枝甘露'),
      ask('可以用支付宝吗', '支付宝'),
      ask('会员怎么办', '积 1 分'),
      human('榴莲千层多少钱'),
      human('你们有披萨吗'),
      human('转人工'),
      human('奶茶里有头发，我要投诉'),
      human('明天下午能帮我留两杯吗，顺便问下你们老板在吗'),
    ],
  },
  {
    name: '鲜果时光',
    industry: '零售',
    hours: { open: '08:00', close: '21:30' },
    shop: { name: '鲜果时光·文三路店', address: '文三路 88 号', phone: '0571-87001234' },
    products: [
      item('阳光玫瑰葡萄', '水果', 29.9, { description: '每斤', tags: ['爆款'] }),
      item('赣南脐橙', '水果', 6.8, { description: '每斤' }),
      item('海南金煌芒', '水果', 12.8, { description: '每斤', tags: ['新品'] }),
      item('智利车厘子', '水果', 69, { description: '每斤', stock: 2 }),
      item('水果拼盘', '拼盘', 38),
      item('榴莲', '水果', 39.9, { available: false, stock: 0 }),
      item('牛油果', '水果', 8, { description: '每个' }),
    ],
    faqs: [
      { questions: ['可以送货上门吗', '能配送吗'], answer: '3 公里内满 49 元免费送货上门，一般 1 小时内送到。' },
      { questions: ['水果坏了怎么办', '不新鲜能退吗'], answer: '收货后 24 小时内发照片给店员，坏果包赔。' },
      { questions: ['可以切好吗', '能帮忙切吗'], answer: '可以免费帮您切好装盒～' },
      { questions: ['有会员吗', '会员有什么优惠'], answer: '会员每周二 9.5 折，积分可以换水果。' },
    ],
    policies: [{ kind: 'delivery', title: '配送', content: '3 公里内满 49 元免费配送，1 小时内送达。' }],
    cases: [
      ask('阳光玫瑰多少钱一斤', '29.9元'),
      ask('脐橙多少钱', '6.8元'),
      ask('金煌芒怎么卖', '12.8元'),
      ask('车厘子还有吗', '只剩2份'),
      ask('榴莲有吗', '售罄'),
      ask('牛油果价格', '8元'),
      ask('水果拼盘多少钱', '38元'),
      ask('几点开门', '08:00'),
      ask('地址在哪', '文三路 88 号'),
      ask('可以送货上门吗', '49 元'),
      ask('水果不新鲜能退吗', '24 小时'),
      ask('可以帮忙切吗', '免费'),
      ask('会员有什么优惠', '9.5 折'),
      ask('电话多少', '0571-87001234'),
      ask('有什么推荐的', '阳光玫瑰葡萄'),
      human('有没有卖进口奶粉'),
      human('菠萝蜜多少钱'),
      human('找你们老板'),
      human('上次买的葡萄是坏的，太差了'),
      human('能开增值税专用发票吗'),
    ],
  },
  {
    name: '小鹿童装',
    industry: '电商',
    hours: { open: '09:00', close: '23:00' },
    shop: { name: '小鹿童装旗舰店', address: '杭州市余杭区仓库 A 座', phone: '400-800-1234' },
    products: [
      item('纯棉短袖T恤', '上衣', 59, {
        specs: [
          {
            name: '尺码',
            options: [
              { label: '100cm', priceDelta: 0 },
              { label: '120cm', priceDelta: 0 },
            ],
          },
        ],
      }),
      item('加绒卫衣', '上衣', 129, { tags: ['爆款'] }),
      item('儿童羽绒服', '外套', 299, { tags: ['新品'], stock: 4 }),
      item('牛仔背带裤', '裤装', 99),
      item('公主连衣裙', '裙装', 139, { available: false, stock: 0 }),
    ],
    faqs: [
      { questions: ['什么时候发货', '多久发货', '几天能到'], answer: '下午 4 点前付款当天发货，江浙沪一般次日到。' },
      {
        questions: ['可以退换吗', '尺码不合适怎么办', '能换货吗'],
        answer: '支持 7 天无理由退换，吊牌完好即可，换货运费我们承担一次。',
      },
      { questions: ['发什么快递', '用哪家快递'], answer: '默认中通，需要顺丰可以补差价。' },
      {
        questions: ['尺码怎么选', '孩子身高110穿多大'],
        answer: '按孩子身高选尺码，比如身高 110cm 选 110 码，偏胖选大一码。',
      },
    ],
    policies: [{ kind: 'refund', title: '退换货', content: '7 天无理由退换，吊牌完好即可，换货运费我们承担一次。' }],
    cases: [
      ask('纯棉T恤多少钱', '59元'),
      ask('加绒卫衣价格', '129元'),
      ask('羽绒服还有吗', '只剩4份'),
      ask('连衣裙有货吗', '售罄'),
      ask('背带裤多少钱', '99元'),
      ask('什么时候发货', '4 点'),
      ask('尺码不合适可以换吗', '7 天'),
      ask('发什么快递', '中通'),
      ask('孩子身高110穿多大', '110'),
      ask('客服电话', '400-800-1234'),
      ask('有什么新品推荐', '儿童羽绒服'),
      ask('可以退货吗', '7 天无理由'),
      human('能便宜点吗，我买三件'),
      human('有没有成人款'),
      human('快递丢了，我要投诉'),
      human('人工客服'),
      human('羊毛大衣多少钱'),
      human('我想批发，可以谈吗'),
      human('能不能寄到国外'),
      human('你好，在吗，我的订单怎么还没发'),
    ],
  },
  {
    name: '美屿造型',
    industry: '本地服务',
    hours: { open: '10:00', close: '21:00' },
    shop: { name: '美屿造型·湖滨店', address: '湖滨路 20 号 2 楼', phone: '0571-86661111' },
    products: [
      item('洗剪吹', '剪发', 68),
      item('总监剪发', '剪发', 128),
      item('染发', '染烫', 298, { description: '短发价，长发加 100 元' }),
      item('烫发', '染烫', 398),
      item('头皮护理', '护理', 168, { tags: ['新品'] }),
      item('宠物洗澡', '宠物', 88, { description: '小型犬' }),
    ],
    faqs: [
      { questions: ['需要预约吗', '怎么预约'], answer: '建议提前预约，直接在这里发“预约+时间”，店员会帮您确认。' },
      { questions: ['染发多久可以洗头', '染完能洗头吗'], answer: '染发后建议 48 小时后再洗头，颜色更持久。' },
      { questions: ['有停车位吗', '停车方便吗'], answer: '楼下有商场停车场，消费满 200 元免 2 小时停车费。' },
      { questions: ['办卡有优惠吗', '充值有什么活动'], answer: '充值 1000 元送 200 元，充值 2000 元送 500 元。' },
    ],
    policies: [
      { kind: 'booking', title: '预约', content: '发“预约+时间”给店员即可预约，迟到 15 分钟以上需重新排队。' },
    ],
    cases: [
      ask('洗剪吹多少钱', '68元'),
      ask('总监剪发价格', '128元'),
      ask('染发多少钱', '298元'),
      ask('烫发怎么收费', '398元'),
      ask('头皮护理多少钱', '168元'),
      ask('需要预约吗', '预约'),
      ask('染完能洗头吗', '48 小时'),
      ask('停车方便吗', '2 小时'),
      ask('充值有什么活动', '1000 元送 200 元'),
      ask('几点下班', '21:00'),
      ask('店在哪', '湖滨路 20 号'),
      ask('狗狗洗澡多少钱', '88元'),
      ask('电话多少', '0571-86661111'),
      human('头皮护理能治脱发吗'),
      human('接发多少钱'),
      human('上次烫坏了，我要投诉'),
      human('可以上门服务吗'),
      human('找店长'),
      human('美甲多少钱'),
      human('染发剂对孕妇安全吗'),
    ],
  },
  {
    name: '启明学堂',
    industry: '教育培训',
    hours: { open: '09:00', close: '20:30' },
    shop: { name: '启明学堂·城西校区', address: '古墩路 168 号 3 楼', phone: '0571-85552222' },
    products: [
      item('小学数学一对一', '课程', 200, { description: '每课时' }),
      item('初中英语小班课', '课程', 120, { description: '每课时，6 人班' }),
      item('少儿编程体验课', '体验', 0, { tags: ['新品'] }),
      item('寒假数学集训营', '集训', 2980, { tags: ['爆款'], stock: 3 }),
      item('书法课', '兴趣', 90, { description: '每课时' }),
    ],
    faqs: [
      { questions: ['可以试听吗', '有试听课吗'], answer: '每门课都可以免费试听一次，提前一天预约即可。' },
      { questions: ['老师都是什么背景', '老师有资格证吗'], answer: '所有老师都有教师资格证，平均教龄 6 年。' },
      { questions: ['课时可以退吗', '不想上了能退费吗'], answer: '未上的课时可以按原价退费，已赠送的课时不退。' },
      { questions: ['可以请假吗', '请假课时怎么算'], answer: '提前 24 小时请假不扣课时，可以调到其他时间补课。' },
    ],
    policies: [{ kind: 'refund', title: '退费', content: '未上的课时可以按原价退费，已赠送的课时不退。' }],
    cases: [
      ask('小学数学一对一多少钱', '200元'),
      ask('初中英语小班课价格', '120元'),
      ask('寒假集训营多少钱', '2980元'),
      ask('集训营还有名额吗', '只剩3份'),
      ask('书法课怎么收费', '90元'),
      ask('可以试听吗', '免费试听'),
      ask('老师有资格证吗', '教师资格证'),
      ask('不想上了能退费吗', '原价退费'),
      ask('请假课时怎么算', '24 小时'),
      ask('几点下课', '20:30'),
      ask('校区在哪', '古墩路 168 号'),
      ask('电话多少', '0571-85552222'),
      human('保证能提高20分吗'),
      human('有没有高中物理'),
      human('孩子被老师骂了，我要投诉'),
      human('我要找校长'),
      human('奥数竞赛班多少钱'),
      human('能不能上门辅导'),
      human('学费可以分期吗'),
      human('可以开发票报销吗'),
    ],
  },
];

export function regressionKnowledge(shop: RegressionShop): KnowledgeBase {
  const merchantId = new Types.ObjectId();
  const now = new Date();
  const stamp = { merchantId, createdAt: now, updatedAt: now };
  return indexKnowledge({
    merchant: {
      _id: merchantId,
      name: shop.name,
      industry: shop.industry,
      timezone: 'Asia/Shanghai',
      businessHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, ...shop.hours })),
      holidays: [],
      demo: false,
      autoReply: { mode: 'always' },
      createdAt: now,
      updatedAt: now,
    },
    shops: [{ _id: new Types.ObjectId(), slot: 1, ...shop.shop, ...stamp }],
    products: shop.products.map((p) => ({ ...p, _id: new Types.ObjectId(), ...stamp })),
    faqs: shop.faqs.map((f) => ({ ...f, _id: new Types.ObjectId(), ...stamp })),
    policies: shop.policies.map((p) => ({ ...p, _id: new Types.ObjectId(), ...stamp })),
  });
}
