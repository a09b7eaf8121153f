import { describe, expect, it } from 'vitest';
import { menuItem, segments, waiting } from './knowledge-step';

describe('the knowledge step', () => {
  it('splits a text into what is written and the blanks left for the owner', () => {
    expect(segments('退款：【请填写：多久之内】联系店员，【请填写：怎么处理】。')).toEqual([
      { text: '退款：', blank: false },
      { text: '【请填写：多久之内】', blank: true },
      { text: '联系店员，', blank: false },
      { text: '【请填写：怎么处理】', blank: true },
      { text: '。', blank: false },
    ]);
    expect(segments('没有空')).toEqual([{ text: '没有空', blank: false }]);
    expect(segments('【请填写：全部】')).toEqual([{ text: '【请填写：全部】', blank: true }]);
  });

  it('counts the items still waiting for the owner', () => {
    expect(
      waiting([
        ['问', '答'],
        ['问', '【请填写：答案】'],
        ['【请填写：标题】', '内容'],
      ]),
    ).toBe(2);
  });

  it('takes a typed menu item in yuan and sends fen, and says what is wrong under the field', () => {
    expect(menuItem({ name: '杨枝甘露', category: '果茶', price: '18.5' })).toMatchObject({
      ok: true,
      value: { name: '杨枝甘露', category: '果茶', price: 1850 },
    });
    const bad = menuItem({ name: '', category: '果茶', price: '十八' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors).toMatchObject({ name: '请填写商品名称', price: '价格请填数字，如 18 或 18.5' });
    const missing = menuItem({ name: '奶茶', category: '', price: '' });
    expect(!missing.ok && missing.errors).toMatchObject({ category: '请填写分类', price: '请填写价格' });
  });
});
