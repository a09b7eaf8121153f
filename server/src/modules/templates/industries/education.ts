// 教育培训: tutoring, hobby classes, early education (seed 000 §5). Parents ask about classes, trial lessons, fees,
// make-up lessons and refunds of unused hours.
import { blank } from '@xiaoer/common/schemas/knowledge-template';
import { scenariosOf, type IndustryTemplate } from '../industry-template.js';
import * as shared from './shared.js';

export const EDUCATION: IndustryTemplate = {
  industry: '教育培训',
  tone: {
    style: '专业稳重',
    address: '家长',
    emoji: false,
    sample: '家长您好，孩子学习上有什么想了解的，可以直接在这里问我。',
  },
  faqs: [
    shared.FAQ_HOURS,
    shared.FAQ_ADDRESS,
    {
      key: 'faq:courses',
      questions: ['有哪些课程', '上课时间怎么安排', '课表是怎样的'],
      answer: blank('开设的课程和上课时间'),
    },
    {
      key: 'faq:trial',
      questions: ['可以试听吗', '有体验课吗', '试听怎么约'],
      answer: blank('能否试听、怎么预约试听'),
    },
    {
      key: 'faq:age',
      questions: ['多大可以学', '适合几岁的孩子', '零基础可以学吗'],
      answer: blank('适合的年龄和基础'),
    },
    {
      key: 'faq:fees',
      questions: ['学费多少', '怎么收费', '课时费多少钱'],
      answer: blank('收费方式和价格'),
    },
    {
      key: 'faq:class_size',
      questions: ['一个班几个人', '是小班吗', '有一对一吗'],
      answer: blank('班级人数、有没有一对一'),
    },
    shared.FAQ_PAYMENT,
    shared.FAQ_PARKING,
  ],
  policies: [
    {
      key: 'policy:leave',
      kind: 'booking',
      title: '请假与补课',
      content: `请假：${blank('要提前多久、怎么请假')}；补课：${blank('能否补课、怎么安排')}。`,
    },
    {
      key: 'policy:refund',
      kind: 'refund',
      title: '退费规则',
      content: blank('未上课时能否退费、怎么计算'),
    },
    {
      key: 'policy:hours_validity',
      kind: 'membership',
      title: '课时与有效期',
      content: blank('课时包的有效期、能否延期或转让'),
    },
    {
      key: 'policy:pickup',
      kind: 'other',
      title: '接送与安全',
      content: blank('接送要求、家长能否陪同、课后等候'),
    },
  ],
  scripts: [
    {
      key: 'script:welcome',
      category: '欢迎',
      title: '欢迎词',
      content: '{客户称呼}您好，欢迎关注{店名}！课程、上课时间等问题，可以直接在这里问我。',
    },
    {
      key: 'script:class_feedback',
      category: '课后',
      title: '课后反馈开头',
      content: '{客户称呼}您好，孩子今天的课已经结束了，老师的课堂反馈整理好后发给您。',
    },
    {
      key: 'script:renewal',
      category: '续费',
      title: '课时快用完',
      content: '{客户称呼}您好，孩子的课时快用完了，想了解续课安排的话可以随时联系我。',
    },
    {
      key: 'script:absence',
      category: '考勤',
      title: '缺课询问',
      content: '{客户称呼}您好，孩子今天没有来上课，是有什么事情吗？方便的话跟我说一声。',
    },
    shared.SCRIPT_BIRTHDAY,
    shared.SCRIPT_SHOP_INFO,
  ],
  welcomes: [
    { channel: 'default', text: '{客户称呼}您好，欢迎关注{店名}！课程和上课安排的问题，可以直接在这里问我。' },
    { channel: 'flyer', text: '{客户称呼}您好，感谢通过传单关注{店名}！想了解课程，可以直接在这里问我。' },
    { channel: 'referral', text: '{客户称呼}您好，欢迎朋友推荐来的您！我是{店名}的老师，孩子学习上的问题随时问我。' },
  ],
  groupPosts: {
    weekly_tip: {
      source: 'none',
      text: '【{标题}】每天固定一点时间复习当天内容，比周末突击效果好；孩子学习上的问题随时在群里问老师～',
    },
    qa_time: {
      source: 'none',
      text: '【{标题}】老师在群里答疑，孩子学习上的问题直接留言，我们一起看看～',
    },
    study_report: {
      source: 'attendance',
      text: '【{标题}】本周共上了 {节次} 节课，出勤率 {出勤率}%。{全勤}有请假的同学记得和老师约补课。',
    },
    chain_signup: {
      source: 'none',
      text: '【{标题}】本周学习打卡：孩子完成练习后，家长在群里回复「打卡+孩子名字」～',
    },
    new_item: {
      source: 'new_product',
      text: '【{标题}】新课程{商品}，{价格}元。{特点}想了解的回复「报名+孩子名字」，老师会联系您～',
    },
    birthday_wishes: shared.POST_BIRTHDAYS,
  },
  scenarios: scenariosOf('教育培训'),
};
