// REVIEW (b265a0a, offline-engine.ts NOT_PRAISE): the fix for "不是很好吃" made NOT_PRAISE match 不, 没, 买, 订… anywhere
// in the message. 不错 is itself one of PRAISE's words, so "鲜肉包味道不错" can never be thanked again; and ordinary praise
// that mentions buying or a pleasant surprise ("一直在你家买，很好吃", "没想到这么好吃", "好吃不贵") is handed to a
// person — before the change all four were thanked ("谢谢您的喜欢，欢迎常来～").
// Right: a negation unsays praise only where it negates the praise word or says it is worse (不好吃, 不是很好吃,
// 没有以前好吃, 不如上次), and an order beside it (再来10个) is an order; 不错/好吃不贵/没想到…好吃 stay praise.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const kb = knowledgeFor(
  testShop({
    name: '张记包子',
    industry: '餐饮',
    products: [{ name: '鲜肉包', category: '包子', price: 2, attributes: { 馅料: '猪肉大葱' } }],
  }),
);

describe('praise words', () => {
  it('thanks praise that holds 不错, 不贵, 没想到 or 买', () => {
    for (const q of ['鲜肉包味道不错', '好吃不贵', '没想到这么好吃', '一直在你家买，很好吃']) {
      expect(offlineAnswer(kb, q).reply, q).toBe('谢谢您的喜欢，欢迎常来～');
    }
  });

  it("still does not thank disappointment (the earlier review's cases)", () => {
    for (const q of ['不是很好吃', '鲜肉包没有以前好吃了', '不如上次好吃']) {
      expect(offlineAnswer(kb, q).reply, q).not.toContain('谢谢您的喜欢');
    }
  });
});
