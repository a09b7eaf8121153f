import type { KnowledgeChangeDto } from '@xiaoer/common/schemas/knowledge-item';
import { describe, expect, it } from 'vitest';
import { actionText, changedText, itemTitle, undoable } from './knowledge-history';

const product = {
  id: 'p1',
  name: '多肉葡萄',
  category: '鲜果茶',
  price: 1800,
  specs: [],
  variants: [],
  attributes: [],
  aliases: [],
  tags: [],
  allergens: [],
  available: true,
};
const change = (over: Partial<KnowledgeChangeDto>): KnowledgeChangeDto => ({
  id: 'c1',
  entity: 'product',
  entityId: 'p1',
  action: 'update',
  staffId: 's1',
  before: product,
  after: product,
  at: '2026-11-30T06:00:00.000Z',
  ...over,
});

describe('the change history', () => {
  it('says what was done to which item, and which fields changed', () => {
    const soldOut = change({ after: { ...product, available: false } });
    expect(actionText(soldOut)).toBe('修改商品');
    expect(itemTitle(soldOut)).toBe('多肉葡萄');
    expect(changedText(soldOut)).toBe('今日售罄');
    expect(changedText(change({ after: { ...product, price: 2000, tags: ['新品'] } }))).toBe('改了价格、标签');
    // a variant's tap in the catalogue names the variant
    const large = { options: [{ name: '杯型', value: '大杯' }], price: 2200, stock: 20, available: true };
    const withLarge = { ...product, variants: [large], stock: 20 };
    expect(
      changedText(change({ before: withLarge, after: { ...withLarge, variants: [{ ...large, available: false }] } })),
    ).toBe('大杯 售罄');
    const fewer = { ...withLarge, stock: 5, variants: [{ ...large, stock: 5 }] };
    expect(changedText(change({ before: withLarge, after: fewer }))).toBe('大杯 库存 20 → 5');
    const faq = { id: 'f1', questions: ['几点开门', '营业时间'], answer: '10 点' };
    const undone = change({ entity: 'faq', action: 'delete', before: faq, after: undefined, undoOf: 'c0' });
    expect(actionText(undone)).toBe('撤销 · 删除问答');
    expect(itemTitle(undone)).toBe('几点开门');
    expect(changedText(undone)).toBe('');
  });

  it('offers the undo only for each item’s latest change', () => {
    const list = [
      change({ id: 'c3', entityId: 'p1' }),
      change({ id: 'c2', entityId: 'p2' }),
      change({ id: 'c1', entityId: 'p1' }),
    ];
    expect([...undoable(list)]).toEqual(['c3', 'c2']);
  });
});
