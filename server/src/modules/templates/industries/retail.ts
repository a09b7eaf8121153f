// 零售: clothing, convenience, fruit and baby shops (seed 000 §2). Customers ask about sizes, stock, exchanges, points.
import { blank } from '@xiaoer/common/schemas/knowledge-template';
import { scenariosOf, type GroupPostText, type IndustryTemplate } from '../industry-template.js';
import * as shared from './shared.js';

/** Today's best-stocked item: an offer and a members' pick read the same (the price is the menu's). */
const POST_STOCKED: GroupPostText = {
  source: 'stocked_product',
  text: '【{标题}】{商品}有现货，{价格}元。想要的回复「预留+商品+尺码」，到店试穿再决定～',
};

export const RETAIL: IndustryTemplate = {
  industry: '零售',
  tone: {
    style: '热情贴心',
    address: '亲',
    emoji: true,
    sample: '您好～想找什么款式、尺码，告诉我，我帮您看看～',
  },
  faqs: [
    shared.FAQ_HOURS,
    shared.FAQ_ADDRESS,
    shared.FAQ_PAYMENT,
    shared.FAQ_INVOICE,
    {
      key: 'faq:size',
      questions: ['尺码怎么选', '有没有大码', '我穿什么码'],
      answer: `尺码建议：${blank('怎么选尺码，如按身高体重推荐、可否到店试穿')}。`,
    },
    {
      key: 'faq:transfer',
      questions: ['别的门店有货吗', '能调货吗', '缺货能预订吗'],
      answer: blank('能否跨店调货、缺货能否预订'),
    },
    { key: 'faq:gift', questions: ['可以包装吗', '能做礼盒吗', '可以写贺卡吗'], answer: blank('能否礼品包装') },
    shared.FAQ_PARKING,
  ],
  policies: [
    {
      key: 'policy:refund',
      kind: 'refund',
      title: '退换货',
      content: `退换时限：${blank('几天内可以退换')}；退换条件：${blank('如吊牌完好、未洗涤，需要带什么凭证')}。`,
    },
    {
      key: 'policy:delivery',
      kind: 'delivery',
      title: '送货与同城配送',
      content: blank('能否送货上门、配送范围和运费'),
    },
    {
      key: 'policy:membership',
      kind: 'membership',
      title: '会员与积分',
      content: blank('会员怎么办理、积分怎么累计和兑换、积分何时到期'),
    },
    shared.POLICY_PROMOTION,
  ],
  scripts: [
    {
      key: 'script:welcome',
      category: '欢迎',
      title: '欢迎词',
      content: '{客户称呼}您好，欢迎来到{店名}！想找什么款式、问尺码和库存，直接在这里发消息就好～',
    },
    {
      key: 'script:size_help',
      category: '导购',
      title: '问尺码',
      content: '{客户称呼}，方便告诉我您的身高体重和平时穿的尺码吗？我帮您挑合适的～',
    },
    {
      key: 'script:back_in_stock',
      category: '导购',
      title: '到货通知',
      content: '{客户称呼}，您之前问的那款到货了，需要帮您留一件吗？',
    },
    shared.SCRIPT_SORRY,
    ...shared.CLOSING_SCRIPTS,
  ],
  welcomes: [
    { channel: 'default', text: '{客户称呼}您好，欢迎来到{店名}！想问款式、尺码、库存，直接在这里发消息就好～' },
    { channel: 'receipt', text: '{客户称呼}您好，感谢在{店名}购物！使用中有任何问题，直接在这里找我～' },
    { channel: 'flyer', text: '{客户称呼}您好，感谢通过传单添加{店名}～想了解新品和库存，直接问我就好～' },
    { channel: 'referral', text: '{客户称呼}您好，欢迎朋友推荐来的您～我是{店名}的店员，想找什么随时问我～' },
  ],
  groupPosts: {
    new_item: {
      source: 'new_product',
      text: '【{标题}】新款{商品}，{价格}元。{特点}想看实物的回复「预留+商品+尺码」，我们先帮您留着～',
    },
    flavour_guess: {
      source: 'new_product',
      text: '【{标题}】新款{商品}：{特点}喜欢的在群里回复「投票+商品名」，看看大家最爱哪款～',
    },
    member_price: POST_STOCKED,
    surplus_offer: POST_STOCKED,
    chain_signup: {
      source: 'none',
      text: '【{标题}】想要的在群里回复「预留+商品+尺码」，我们按顺序帮您留好，到店试穿再决定～',
    },
    weekly_tip: {
      source: 'none',
      text: '【{标题}】小贴士：衣物洗净晾干再收纳，放一包干燥剂防潮；不确定尺码的，群里问我们帮您挑～',
    },
    birthday_wishes: shared.POST_BIRTHDAYS,
  },
  scenarios: scenariosOf('零售'),
};
