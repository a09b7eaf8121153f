// A follow-up that names a thing the product talked about keeps as an attribute ("狗粮要自己带吗" after asking about
// boarding, whose 狗粮 attribute says to bring it) is asked of that product; one naming nothing of it is not.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const kb = knowledgeFor(
  testShop({
    name: '暖窝宠物',
    industry: '本地服务',
    products: [
      {
        name: '狗狗寄养',
        category: '寄养',
        price: 98,
        attributes: { 狗粮: '请自带狗粮，没带可以吃店里的，每天加10元', 遛狗: '每天早晚各一次' },
      },
      { name: '狗狗洗澡', category: '洗护', price: 60, attributes: { 时长: '1.5小时左右' } },
    ],
  }),
);

describe('a follow-up naming an attribute of the product talked about', () => {
  const history = ['大型犬寄养一天多少'];

  it('is answered from that product', () => {
    const a = offlineAnswer(kb, '狗粮要自己带吗', { history });
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('自带狗粮');
  });

  it('is not tied to it when it names none of its attributes', () => {
    const a = offlineAnswer(kb, '能开发票吗', { history });
    expect(a.needsHuman).toBe(true);
    expect(a.reply).not.toContain('寄养');
  });
});
