// Starters every industry shares: customers of any shop ask how to pay, for an invoice, where to park, and staff of
// any shop apologise, ask for a review, wish a happy birthday and give the shop's address.
import { blank } from '@xiaoer/common/schemas/knowledge-template';
import type { GroupPostText, StarterFaq, StarterPolicy, StarterScript } from '../industry-template.js';

export const FAQ_HOURS: StarterFaq = {
  key: 'faq:hours',
  questions: ['你们几点开门', '营业时间是几点到几点', '今天营业吗'],
  answer: '{店名}的营业时间：{营业时间}。',
};
export const FAQ_PAYMENT: StarterFaq = {
  key: 'faq:payment',
  questions: ['支持哪些付款方式', '可以用支付宝吗', '可以刷卡吗'],
  answer: '支持的付款方式：{付款方式}。',
};
export const FAQ_INVOICE: StarterFaq = {
  key: 'faq:invoice',
  questions: ['可以开发票吗', '能开票吗', '发票怎么开'],
  answer: '{发票}',
};
export const FAQ_PARKING: StarterFaq = {
  key: 'faq:parking',
  questions: ['有停车位吗', '停车方便吗', '车停哪里'],
  answer: blank('停车位置和收费'),
};
export const FAQ_ADDRESS: StarterFaq = {
  key: 'faq:address',
  questions: ['店在哪里', '地址是哪里', '怎么过去'],
  answer: '{店名}的地址：{门店地址}。电话：{门店电话}。',
};

export const POLICY_PROMOTION: StarterPolicy = {
  key: 'policy:promotion',
  kind: 'promotion',
  title: '当前活动',
  content: blank('正在进行的活动，没有活动可以删除这条'),
};

export const SCRIPT_SHOP_INFO: StarterScript = {
  key: 'script:shop_info',
  category: '门店',
  title: '门店地址电话',
  content: '{店名}的地址：{门店地址}，电话：{门店电话}，营业时间：{营业时间}。',
};
export const SCRIPT_SORRY: StarterScript = {
  key: 'script:sorry',
  category: '售后',
  title: '致歉并了解情况',
  content: '{客户称呼}，非常抱歉给您添麻烦了！麻烦说一下具体情况，方便的话发张照片，我马上帮您处理～',
};
export const SCRIPT_REVIEW: StarterScript = {
  key: 'script:review',
  category: '回访',
  title: '邀请评价',
  content: '{客户称呼}，谢谢您的支持！觉得还不错的话，欢迎给我们留个评价，您的每条意见我们都会认真看～',
};
export const SCRIPT_BIRTHDAY: StarterScript = {
  key: 'script:birthday',
  category: '关怀',
  title: '生日祝福',
  content: '{客户称呼}，生日快乐！{店名}祝您新的一岁万事顺意～',
};

/** How a shop that meets its customers in person ends its scripts: ask for a review, wish a birthday, give the address. */
export const CLOSING_SCRIPTS: readonly StarterScript[] = [SCRIPT_REVIEW, SCRIPT_BIRTHDAY, SCRIPT_SHOP_INFO];

/** Group posts: the week's birthdays among the group's customers, wished well and nothing promised. */
export const POST_BIRTHDAYS: GroupPostText = {
  source: 'birthdays',
  text: '【{标题}】这周过生日的有{寿星}，祝生日快乐🎂！',
};
