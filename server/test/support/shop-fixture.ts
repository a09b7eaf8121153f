// Small shops with what customers ask beyond a name and a price (variants with their own stock, attributes, aliases,
// facts, a closed weekday), built as an owner's setup stores them (the evaluation's mapper), for engine unit tests.
import { knowledgeFor, type EvalShopFile } from '../../eval/eval-data.js';

const week = [{ weekdays: [2, 3, 4, 5, 6, 0], open: '10:00', close: '21:00' }];

export const CLOTHING_SHOP: EvalShopFile = {
  id: 'test-closet',
  name: '衣橱小铺',
  industry: '零售',
  kind: '服装店',
  shops: [
    { name: '衣橱小铺(武林店)', address: '杭州市武林路88号', phone: '0571-12345678', hours: week, closedWeekdays: [1] },
  ],
  facts: { payment: '微信、支付宝、现金都可以', couriers: '默认发中通，顺丰需补差价', shipFrom: '浙江杭州' },
  products: [
    {
      name: '法式碎花连衣裙',
      category: '裙装',
      price: 199,
      aliases: ['碎花裙'],
      attributes: { 材质: '100%粘胶纤维', 洗护: '冷水手洗，不能机洗' },
      variants: [
        { options: { 颜色: '黄色', 尺码: 'S' }, price: 199, stock: 4 },
        { options: { 颜色: '黄色', 尺码: 'L' }, price: 199, stock: 0 },
        { options: { 颜色: '蓝色', 尺码: 'L' }, price: 209, stock: 12 },
      ],
    },
    { name: '高腰直筒牛仔裤', category: '裤装', price: 159, aliases: ['牛仔裤'], attributes: { 材质: '98%棉 2%氨纶' } },
  ],
  faqs: [{ questions: ['可以试穿吗', '能试吗'], answer: '店里可以试穿，网上买的不合适7天内可以换。' }],
  policies: [{ kind: 'refund', title: '退换', content: '吊牌完好7天内可以退换，洗过的不退。' }],
};

export const SALON: EvalShopFile = {
  id: 'test-salon',
  name: '青丝发型',
  industry: '本地服务',
  kind: '理发店',
  shops: [{ name: '青丝发型', address: '成都市玉林西路58号', hours: week, closedWeekdays: [1] }],
  products: [
    {
      name: '洗剪吹',
      category: '剪发',
      price: 68,
      aliases: ['剪头', '剪发'],
      variants: [
        { options: { 级别: '发型师' }, price: 68 },
        { options: { 级别: '总监' }, price: 108 },
      ],
    },
    {
      name: '烫发',
      category: '烫染',
      price: 398,
      aliases: ['烫头'],
      attributes: { 适合发质: '细软、发量少想蓬松的都适合；严重受损的头发先做护理' },
    },
  ],
  faqs: [{ questions: ['头发分叉怎么办', '发尾分叉'], answer: '分叉的发尾建议剪掉，再做一次结构护理（188元）。' }],
  policies: [{ kind: 'refund', title: '不满意', content: '做完3天内不满意可以免费修改一次。' }],
};

export const clothingShop = () => knowledgeFor(CLOTHING_SHOP);
export const salon = () => knowledgeFor(SALON);
