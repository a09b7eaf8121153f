// A person's title that is a tier the shop prices ("店长" of 洗剪吹's 店长 168元) asked with a price is a price
// question; asking for that person without a price is still a person asked for.
import { describe, expect, it } from 'vitest';
import { knowledgeFor, type EvalShopFile } from '../../../eval/eval-data.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP: EvalShopFile = {
  id: 'test-tiers',
  name: '剪影造型',
  industry: '本地服务',
  kind: '发廊',
  shops: [
    {
      name: '剪影造型',
      address: '成都市玉林路1号',
      hours: [{ weekdays: [0, 1, 2, 3, 4, 5, 6], open: '10:00', close: '21:30' }],
    },
  ],
  products: [
    {
      name: '洗剪吹',
      category: '剪发',
      price: 68,
      aliases: ['剪头发'],
      variants: [
        { options: { 级别: '资深发型师' }, price: 68 },
        { options: { 级别: '店长' }, price: 168 },
      ],
    },
  ],
};

describe('a title that is a priced tier', () => {
  const kb = knowledgeFor(SHOP);

  it('is a price question when a price is asked', () => {
    const a = offlineAnswer(kb, '想找店长给我剪 价格是多少');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('168');
  });

  it('is a person asked for otherwise', () => {
    expect(offlineAnswer(kb, '找店长').needsHuman).toBe(true);
    expect(offlineAnswer(kb, '我要找店长投诉').needsHuman).toBe(true);
  });

  it.each([
    '叫你们店长出来，剪个头发多少钱，乱收费',
    '叫店长来 上次剪头发多收了我100 多少钱',
    '我要找店长 剪头发多少钱 你们坑人',
    '让店长联系我 剪头发多少钱',
  ])('keeps %s a person’s, price word or not', (q) => {
    expect(offlineAnswer(kb, q).needsHuman).toBe(true);
  });
});
