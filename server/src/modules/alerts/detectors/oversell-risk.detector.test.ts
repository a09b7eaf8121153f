import { describe, expect, it } from 'vitest';
import { oversellRule, type PendingOrder } from './oversell-risk.detector.js';

const tee = {
  name: '纯棉圆领T恤',
  aliases: ['白T'],
  stock: 5,
  variants: [
    {
      options: [
        { name: '颜色', value: '黄色' },
        { name: '尺码', value: 'L' },
      ],
      price: 8900,
      stock: 1,
      available: true,
    },
    {
      options: [
        { name: '颜色', value: '白色' },
        { name: '尺码', value: 'L' },
      ],
      price: 7900,
      stock: 4,
      available: true,
    },
  ],
};
const cup = { name: '保温杯', stock: 2 };
const uncounted = { name: '帆布袋' };
const order = (externalId: string, channel: string, name: string, quantity: number, specs: string[] = []) =>
  ({ externalId, channel, items: [{ name, quantity, specs }] }) satisfies PendingOrder;

describe('oversell risk', () => {
  it('names each variant and product whose stock is below its unshipped units, with the channels they came from', () => {
    const alerts = oversellRule({
      products: [tee, cup, uncounted],
      pending: [
        order('TB-1', '线上', '纯棉圆领T恤', 1, ['黄色', 'L']),
        order('DY-1', '团购', '白T', 2, ['黄色', 'L']),
        order('TB-2', '线上', '保温杯', 2),
        order('TB-3', '线上', '帆布袋', 9),
      ],
      today: '2026-11-30',
    });
    expect(alerts.map((a) => [a.key, a.level, a.title])).toEqual([
      ['2026-11-30:纯棉圆领T恤 黄色 L', 'warning', '超卖风险：纯棉圆领T恤 黄色 L库存1件，待发货3件'],
    ]);
    expect(alerts[0]!.body).toBe(
      '纯棉圆领T恤 黄色 L库存还有1件，已付款没发货的订单要3件（线上1件、团购2件），差2件。建议尽快补货，或先把各平台的库存改小、暂停销售。',
    );
  });

  it('holds the product’s whole count to every unit ordered, and says nothing while stock covers the orders', () => {
    expect(oversellRule({ products: [cup], pending: [order('A', '线上', '保温杯', 2)], today: 'd' })).toEqual([]);
    const [alert, ...rest] = oversellRule({
      products: [{ ...cup, stock: 0 }, tee],
      pending: [order('A', '线上', '保温杯', 1), order('B', '线上', '纯棉圆领T恤', 6)],
      today: 'd',
    });
    expect(rest.map((a) => a.title)).toEqual(['超卖风险：纯棉圆领T恤库存5件，待发货6件']);
    expect(alert).toMatchObject({ level: 'urgent', title: '超卖风险：保温杯库存0件，待发货1件' });
  });
});
