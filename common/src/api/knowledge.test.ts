// The knowledge editor's contracts: documented examples of what the console sends and what the server answers.
import { describe, expect, it } from 'vitest';
import { endpointUrl } from './contract.js';
import * as knowledge from './knowledge.js';

const ID = '64b0000000000000000000aa';

describe('knowledge editor', () => {
  it('takes and gives products in fen, never yuan', () => {
    const input = { name: '桂花酒酿', category: '季节限定', price: 1650 };
    expect(knowledge.products.create.request.parse(input)).toMatchObject({ price: 1650, specs: [], available: true });
    expect(() => knowledge.products.create.request.parse({ ...input, price: 16.5 })).toThrow();
    const product = { id: ID, ...input, specs: [], tags: [], allergens: [], available: true };
    expect(knowledge.products.list.response.parse({ items: [product] }).items[0]!.price).toBe(1650);
    // nothing of the tenant or the bookkeeping on the wire
    expect(() => knowledge.products.update.response.parse({ ...product, merchantId: ID })).toThrow();
    expect(endpointUrl(knowledge.products.update, { params: { id: ID }, body: input })).toBe(
      `/knowledge/products/${ID}`,
    );
  });

  it('takes a product as its variants, each with its options, price in fen and stock; one variant’s stock alone', () => {
    const tee = {
      name: '纯棉圆领T恤',
      category: '上衣',
      variants: [
        {
          options: [
            { name: '颜色', value: '黄色' },
            { name: '尺码', value: 'L' },
          ],
          price: 8900,
          stock: 3,
        },
        {
          options: [
            { name: '颜色', value: '白色' },
            { name: '尺码', value: 'L' },
          ],
          price: 7900,
        },
      ],
      attributes: [{ name: '材质', value: '100% 棉' }],
      aliases: ['白T'],
    };
    expect(knowledge.products.create.request.parse(tee).variants[1]).toEqual({ ...tee.variants[1], available: true });
    const stock = {
      options: [
        { name: '尺码', value: 'L' },
        { name: '颜色', value: '黄色' },
      ],
      stock: 0,
    };
    expect(knowledge.setVariantStock.request.parse(stock)).toEqual(stock);
    expect(knowledge.setVariantStock.request.safeParse({ stock: 1 }).error?.issues[0]?.message).toBe(
      '请指明是哪个规格',
    );
    expect(endpointUrl(knowledge.setVariantStock, { params: { id: ID }, body: stock })).toBe(
      `/knowledge/products/${ID}/variant-stock`,
    );
  });

  it('shows the history with the item before and after, and an import report', () => {
    const faq = { id: ID, questions: ['几点开门'], answer: '每天 10 点～' };
    const change = {
      id: ID,
      entity: 'faq',
      entityId: ID,
      action: 'update',
      staffId: ID,
      before: faq,
      after: { ...faq, answer: '每天 9 点～' },
      at: '2026-11-23T06:30:00.000Z',
    };
    expect(knowledge.history.response.parse({ items: [change] }).items).toHaveLength(1);
    const undone = { ...change, id: '6566b0c0a1b2c3d4e5f60719', staffName: '王店长', undoOf: ID };
    expect(knowledge.undoChange.response.parse(undone)).toMatchObject({ undoOf: ID });
    expect(endpointUrl(knowledge.undoChange, { params: { id: ID } })).toBe(`/knowledge/changes/${ID}/undo`);
    expect(knowledge.undoChange.params.safeParse({ id: 'x' }).success).toBe(false);
    const report = { mapping: { 名称: 'name' }, rows: 2, created: 1, updated: 0, dryRun: true };
    expect(
      knowledge.importProducts.response.parse({ ...report, failed: [{ row: 3, errors: { price: '请填写价格' } }] })
        .failed,
    ).toHaveLength(1);
    expect(knowledge.importFaqs.request.parse({ format: 'csv', content: '问题,回答' })).toMatchObject({
      dryRun: false,
    });
  });
});
