import type { Script } from '../modules/knowledge/script.model.js';
import type { Faq, Policy } from '../modules/knowledge/faq.model.js';

type NewFaq = Pick<Faq, 'questions' | 'answer'>;
type NewPolicy = Pick<Policy, 'kind' | 'title' | 'content'>;

/** 茶语时光's FAQ: what customers really ask a milk-tea shop. */
export const DEMO_FAQS: NewFaq[] = [
  {
    questions: ['可以去冰吗', '能做常温吗', '可以做热的吗'],
    answer: '大部分饮品都可以选正常冰、少冰、去冰、常温或热饮，冰沙类只能做冰的哦～',
  },
  {
    questions: ['可以少糖吗', '有无糖的吗', '甜度可以调吗'],
    answer: '甜度可以选全糖、七分糖、五分糖、三分糖或不另外加糖～',
  },
  {
    questions: ['有会员卡吗', '怎么办会员', '积分怎么用'],
    answer: '加店员企业微信即可成为会员，每消费 1 元积 1 分，100 分可抵 5 元。',
  },
  { questions: ['可以开发票吗', '能开票吗'], answer: '可以开电子发票，下单后把抬头和税号发给店员就行～' },
  { questions: ['有没有wifi', 'wifi密码是多少'], answer: '店里有免费 WiFi，名称 chayu-free，密码贴在收银台旁边～' },
  { questions: ['可以带宠物吗', '宠物能进店吗'], answer: '小型宠物可以抱着或装在宠物包里进店哦～' },
  { questions: ['可以用支付宝吗', '支持哪些支付方式', '可以刷卡吗'], answer: '支持微信、支付宝、银联云闪付和现金。' },
];

export const DEMO_POLICIES: NewPolicy[] = [
  { kind: 'delivery', title: '外卖配送', content: '美团和饿了么都能点，门店 3 公里内配送，一般 30 分钟左右送达。' },
  { kind: 'refund', title: '退换说明', content: '饮品做错或有质量问题可以免费重做；出餐后 30 分钟内联系店员即可。' },
  { kind: 'booking', title: '预订与团单', content: '10 杯以上可以提前一天预订，联系店员登记时间和口味即可。' },
  { kind: 'promotion', title: '本周活动', content: '每周三会员日第二杯半价（限同款中杯）。' },
];

type NewScript = Pick<Script, 'category' | 'title' | 'content'>;

/** The scripts library (话术) staff send from the sidebar. The welcome card's image URL is set when WeCom connects. */
export const DEMO_SCRIPTS: NewScript[] = [
  {
    category: '欢迎',
    title: '欢迎词',
    content: '{客户称呼}您好，欢迎来到茶语时光！我是店员小美，点单、外卖、活动都可以直接问我～',
  },
  {
    category: '欢迎',
    title: '新客礼',
    content: '{客户称呼}，首次到店出示这条消息，任意饮品立减 3 元，今天就可以用哦🧋',
  },
  {
    category: '推荐',
    title: '老客推荐',
    content: '{客户称呼}，最近{推荐商品}很受欢迎，要不要试试？少糖少冰也很好喝～',
  },
  { category: '活动', title: '会员日', content: '每周三会员日，同款中杯第二杯半价，{客户称呼}记得来哦～' },
  {
    category: '售后',
    title: '做错重做',
    content: '非常抱歉给您添麻烦了！饮品有问题我们免费重做，麻烦发一下小票照片～',
  },
  {
    category: '售后',
    title: '外卖延迟',
    content: '{客户称呼}，外卖高峰期骑手有点紧张，我这边帮您催一下，给您添麻烦了🙏',
  },
  { category: '外卖', title: '外卖下单', content: '美团、饿了么搜「茶语时光」就能下单，3 公里内 30 分钟左右送到～' },
];
