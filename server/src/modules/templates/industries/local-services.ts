// 本地服务: salons, repairs, housekeeping, pet shops (seed 000 §4). Customers book, ask for a technician, ask how
// long it takes and about their member card.
import { blank } from '@xiaoer/common/schemas/knowledge-template';
import { scenariosOf, type IndustryTemplate } from '../industry-template.js';
import * as shared from './shared.js';

export const LOCAL_SERVICES: IndustryTemplate = {
  industry: '本地服务',
  tone: {
    style: '温柔专业',
    address: '您',
    emoji: true,
    sample: '您好～想约时间或者了解项目，直接告诉我就好～',
  },
  faqs: [
    shared.FAQ_HOURS,
    shared.FAQ_ADDRESS,
    {
      key: 'faq:technician',
      questions: ['可以指定技师吗', '可以约上次那位老师吗', '哪位老师比较好'],
      answer: blank('能否指定技师或老师、怎么指定'),
    },
    {
      key: 'faq:duration',
      questions: ['做一次要多久', '大概多长时间', '要等多久'],
      answer: blank('各项目大概需要多长时间'),
    },
    {
      key: 'faq:walk_in',
      questions: ['不预约可以直接去吗', '需要提前预约吗', '现在过去有位置吗'],
      answer: blank('不预约能否到店、要等多久'),
    },
    shared.FAQ_PAYMENT,
    shared.FAQ_PARKING,
  ],
  policies: [
    {
      key: 'policy:booking',
      kind: 'booking',
      title: '预约与改约',
      content: `预约方式：{预约方式}；改约或取消：${blank('要提前多久告知')}。`,
    },
    {
      key: 'policy:membership',
      kind: 'membership',
      title: '会员卡',
      content: blank('卡种、怎么充值、有效期、能否转让或退卡'),
    },
    {
      key: 'policy:refund',
      kind: 'refund',
      title: '服务不满意怎么办',
      content: `${blank('不满意时怎么处理，如几天内免费返工')}。`,
    },
    shared.POLICY_PROMOTION,
  ],
  scripts: [
    {
      key: 'script:welcome',
      category: '欢迎',
      title: '欢迎词',
      content: '{客户称呼}您好，欢迎来到{店名}！想约时间或了解项目，直接在这里发消息就好～',
    },
    {
      key: 'script:booking_confirm',
      category: '预约',
      title: '预约确认',
      content: '{客户称呼}，已为您记下预约，到时候见～需要改时间的话提前跟我说就好',
    },
    {
      key: 'script:technician_leave',
      category: '预约',
      title: '技师请假改约',
      content: '{客户称呼}，非常抱歉，您约的老师临时有事，帮您换个时间或者推荐其他老师可以吗？',
    },
    {
      key: 'script:after_service',
      category: '回访',
      title: '服务回访',
      content: '{客户称呼}，上次的服务您还满意吗？有任何不合适的地方随时告诉我～',
    },
    shared.SCRIPT_SORRY,
    ...shared.CLOSING_SCRIPTS,
  ],
  welcomes: [
    { channel: 'default', text: '{客户称呼}您好，欢迎来到{店名}！想约时间或了解项目，直接在这里发消息就好～' },
    { channel: 'receipt', text: '{客户称呼}您好，感谢光临{店名}！下次想约时间，直接在这里发消息就好～' },
    { channel: 'flyer', text: '{客户称呼}您好，感谢通过传单添加{店名}～想了解项目和预约，直接问我就好～' },
    { channel: 'referral', text: '{客户称呼}您好，欢迎朋友推荐来的您～我是{店名}的店员，想约时间随时找我～' },
  ],
  groupPosts: {
    booking_slots: {
      source: 'none',
      text: '【{标题}】想约的在群里回复「预约+日期+时间」，我们查好档期马上回复您～',
    },
    member_price: {
      source: 'popular_product',
      text: '【{标题}】{商品}，{价格}元。想约的回复「预约+日期+时间」，我们查好档期回复您～',
    },
    new_item: {
      source: 'new_product',
      text: '【{标题}】新项目{商品}，{价格}元。{特点}想体验的回复「预约+日期+时间」，我们查好档期回复您～',
    },
    weekly_tip: {
      source: 'none',
      text: '【{标题}】小贴士：做完护理后按技师的叮嘱保养，效果能保持更久；有问题随时在群里问我们～',
    },
    birthday_wishes: shared.POST_BIRTHDAYS,
  },
  scenarios: scenariosOf('本地服务'),
};
