// 餐饮: milk tea, fast food, hot pot, bakeries (seed 000 §1). Customers ask about taste, delivery, booking tables.
import { blank } from '@xiaoer/common/schemas/knowledge-template';
import { scenariosOf, type GroupPostText, type IndustryTemplate } from '../industry-template.js';
import * as shared from './shared.js';

/** Today's best-stocked item: an offer and a members' pick read the same (the price is the menu's). */
const POST_STOCKED: GroupPostText = {
  source: 'stocked_product',
  text: '【{标题}】{商品}今天有货，{价格}元，群里说一声就给您留着，到店直接取～',
};

export const RESTAURANT: IndustryTemplate = {
  industry: '餐饮',
  tone: {
    style: '亲切活泼',
    address: '亲',
    emoji: true,
    sample: '您好呀～想吃点什么、想问什么，直接发给我就好～',
  },
  faqs: [
    shared.FAQ_HOURS,
    shared.FAQ_ADDRESS,
    shared.FAQ_PAYMENT,
    shared.FAQ_INVOICE,
    {
      key: 'faq:taste',
      questions: ['可以少糖少冰吗', '口味可以调吗', '可以不要辣吗'],
      answer: `可以调整的口味：${blank('甜度、冰量、辣度等能怎么选')}。`,
    },
    {
      key: 'faq:allergens',
      questions: ['有过敏原说明吗', '我对花生过敏能吃吗', '有素食吗'],
      answer: blank('过敏、忌口、素食怎么处理'),
    },
    shared.FAQ_PARKING,
    { key: 'faq:wifi', questions: ['有wifi吗', 'wifi密码是多少'], answer: '{WiFi}' },
    { key: 'faq:pets', questions: ['可以带宠物吗', '宠物能进店吗'], answer: blank('能否带宠物进店') },
  ],
  policies: [
    {
      key: 'policy:refund',
      kind: 'refund',
      title: '出品问题与退款',
      content: `菜品或饮品有问题：${blank('怎么处理，如重做或退款')}；请在${blank('多久之内')}联系店员。`,
    },
    {
      key: 'policy:delivery',
      kind: 'delivery',
      title: '外卖配送',
      content: `外卖下单渠道：{外卖平台}；配送范围：${blank('配送范围')}。`,
    },
    {
      key: 'policy:booking',
      kind: 'booking',
      title: '订位与包场',
      content: `订位：{预约方式}；包场：${blank('几人以上可包场、要提前多久联系')}。`,
    },
    { key: 'policy:membership', kind: 'membership', title: '会员', content: blank('会员怎么办理、有什么权益') },
    shared.POLICY_PROMOTION,
  ],
  scripts: [
    {
      key: 'script:welcome',
      category: '欢迎',
      title: '欢迎词',
      content: '{客户称呼}您好，欢迎来到{店名}！想问菜单、口味或者订位，直接在这里发消息就好～',
    },
    {
      key: 'script:delivery_late',
      category: '售后',
      title: '外卖晚到致歉',
      content: '{客户称呼}，实在抱歉让您久等了，我这就帮您联系骑手问一下🙏',
    },
    shared.SCRIPT_SORRY,
    {
      key: 'script:new_item',
      category: '推荐',
      title: '新品介绍',
      content: `{客户称呼}，店里上了新品：${blank('新品名称和价格')}，有空来尝尝～`,
    },
    ...shared.CLOSING_SCRIPTS,
  ],
  welcomes: [
    { channel: 'default', text: '{客户称呼}您好，欢迎来到{店名}！有什么想问的，直接在这里发消息就好～' },
    {
      channel: 'table_card',
      text: '{客户称呼}您好，感谢扫桌贴添加{店名}～用餐时有任何需要，直接在这里发消息告诉我～',
    },
    { channel: 'receipt', text: '{客户称呼}您好，感谢光临{店名}！以后想问什么，直接在这里发消息就好～' },
    {
      channel: 'delivery_note',
      text: '{客户称呼}您好，感谢点{店名}的外卖～餐品有任何问题，直接在这里告诉我，我来帮您处理～',
    },
    { channel: 'flyer', text: '{客户称呼}您好，感谢通过传单添加{店名}～想了解菜单和位置，直接问我就好～' },
    { channel: 'referral', text: '{客户称呼}您好，欢迎朋友推荐来的您～我是{店名}的店员，有什么想了解的随时问我～' },
  ],
  groupPosts: {
    new_item: {
      source: 'new_product',
      text: '【{标题}】新品{商品}上架啦，{价格}元。{特点}来店里尝尝，在群里说说感受呀～',
    },
    flavour_guess: {
      source: 'new_product',
      text: '【{标题}】新品{商品}先剧透一下：{特点}猜猜它是什么味道？在群里回复「猜+你的答案」，揭晓时看看谁猜中了～',
    },
    surplus_offer: POST_STOCKED,
    member_price: POST_STOCKED,
    chain_signup: {
      source: 'none',
      text: '【{标题}】想提前订的在群里接龙：回复「接龙+饮品或菜品+数量」，我们按顺序准备好，到店直接取～',
    },
    booking_slots: {
      source: 'none',
      text: '【{标题}】想订座的在群里回复「预约+日期+时间」，我们确认后马上回复您～',
    },
    food_safety: { source: 'self_check', text: '【{标题}】{记录}' },
    weekly_tip: {
      source: 'none',
      text: '【{标题}】小贴士：外带的饮品和餐食尽早享用口感更好；有忌口或过敏的，点单时告诉我们～',
    },
    birthday_wishes: shared.POST_BIRTHDAYS,
  },
  scenarios: scenariosOf('餐饮'),
};
