// 电商: Taobao, Pinduoduo and Douyin sellers (seed 000 §3). Customers ask when it ships, by which courier, from where,
// where the parcel is, and how returns work.
import { blank } from '@xiaoer/common/schemas/knowledge-template';
import { scenariosOf, type GroupPostText, type IndustryTemplate } from '../industry-template.js';
import * as shared from './shared.js';

/** Today's best-stocked item: an offer and a members' pick read the same (the price is the menu's). */
const POST_STOCKED: GroupPostText = {
  source: 'stocked_product',
  text: '【{标题}】{商品}有现货，{价格}元。想要的回复「拼单+商品+数量」，我们登记好通知您～',
};

export const ECOMMERCE: IndustryTemplate = {
  industry: '电商',
  tone: {
    style: '耐心专业',
    address: '亲',
    emoji: true,
    sample: '亲，您好～订单、物流、售后的问题都可以发给我，我帮您查～',
  },
  faqs: [
    {
      key: 'faq:service_hours',
      questions: ['客服几点上班', '客服在线时间', '晚上有人回复吗'],
      answer: '客服在线时间：{客服时间}。',
    },
    {
      key: 'faq:ship_time',
      questions: ['什么时候发货', '多久发货', '今天能发吗'],
      answer: '发货时间：{发货时间}。',
    },
    {
      key: 'faq:courier',
      questions: ['发什么快递', '能指定快递吗', '从哪里发货'],
      answer: '快递：{快递公司}；发货地：{发货地}。',
    },
    {
      key: 'faq:tracking',
      questions: ['怎么查物流', '物流到哪了', '快递怎么还没到'],
      answer: '麻烦把订单号发给我，我帮您查一下物流进度～',
    },
    {
      key: 'faq:remote',
      questions: ['偏远地区能发吗', '新疆西藏包邮吗', '能寄到国外吗'],
      answer: blank('偏远地区和海外能否发货、运费怎么算'),
    },
    shared.FAQ_PAYMENT,
    shared.FAQ_INVOICE,
  ],
  policies: [
    {
      key: 'policy:refund',
      kind: 'refund',
      title: '退换货与售后',
      content: `退换规则：${blank('是否支持无理由退换、几天内、运费谁承担、怎么寄回')}。`,
    },
    {
      key: 'policy:delivery',
      kind: 'delivery',
      title: '发货与物流',
      content: '发货时效：{发货时间}；快递：{快递公司}；发货地：{发货地}。',
    },
    shared.POLICY_PROMOTION,
  ],
  scripts: [
    {
      key: 'script:welcome',
      category: '欢迎',
      title: '欢迎词',
      content: '{客户称呼}您好，欢迎来到{店名}！订单、物流、售后的问题，直接在这里发消息就好～',
    },
    {
      key: 'script:order_number',
      category: '物流',
      title: '要订单号查物流',
      content: '{客户称呼}，麻烦把订单号发给我，我帮您查一下物流进度～',
    },
    {
      key: 'script:urge_shipping',
      category: '物流',
      title: '催发货回复',
      content: '{客户称呼}，已经帮您跟仓库确认了，发出后我把单号发给您～',
    },
    {
      key: 'script:after_delivery',
      category: '回访',
      title: '收货关怀',
      content: '{客户称呼}，包裹收到了吗？用着有任何问题随时找我～',
    },
    {
      key: 'script:bad_review',
      category: '售后',
      title: '差评挽回',
      content: '{客户称呼}，非常抱歉这次没让您满意，能说说具体是哪里的问题吗？我们会认真处理～',
    },
    shared.SCRIPT_SORRY,
    shared.SCRIPT_REVIEW,
    shared.SCRIPT_BIRTHDAY,
  ],
  welcomes: [
    { channel: 'default', text: '{客户称呼}您好，欢迎来到{店名}！订单、物流、售后的问题，直接在这里找我就好～' },
    {
      channel: 'delivery_note',
      text: '{客户称呼}您好，感谢购买{店名}的商品～扫包裹卡加了我，使用中有任何问题直接在这里找我～',
    },
    { channel: 'referral', text: '{客户称呼}您好，欢迎朋友推荐来的您～我是{店名}的客服，有什么想了解的随时问我～' },
  ],
  groupPosts: {
    new_item: {
      source: 'new_product',
      text: '【{标题}】新品{商品}，{价格}元。{特点}想要的回复「拼单+商品+数量」，我们登记好通知您～',
    },
    flavour_guess: {
      source: 'new_product',
      text: '【{标题}】新品{商品}：{特点}喜欢的在群里回复「投票+商品名」，看看大家最想要哪款～',
    },
    member_price: POST_STOCKED,
    surplus_offer: POST_STOCKED,
    chain_signup: {
      source: 'none',
      text: '【{标题}】想一起拼单的在群里回复「拼单+商品+数量」，我们按顺序登记好通知您～',
    },
    weekly_tip: {
      source: 'none',
      text: '【{标题}】小贴士：收到货先检查外包装再签收，有问题随时在群里找我们～',
    },
    birthday_wishes: shared.POST_BIRTHDAYS,
  },
  scenarios: scenariosOf('电商'),
};
