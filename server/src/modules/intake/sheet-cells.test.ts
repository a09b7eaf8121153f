import { describe, expect, it } from 'vitest';
import { ordersKind } from './kinds/orders.kind.js';
import { localTimeToIso, parseItems, yuanCell } from './sheet-cells.js';
import type { OrderRepository } from '../orders/order.repository.js';

const rowToOrder = ordersKind({} as OrderRepository).sheet.fromRow;

describe('spreadsheet cells', () => {
  it('reads local times, yuan and item lists the way shops write them', () => {
    expect(localTimeToIso('2026/11/20 12:30')).toBe('2026-11-20T12:30:00+08:00');
    expect(localTimeToIso('2026年11月3日')).toBe('2026-11-03T00:00:00+08:00');
    expect(localTimeToIso('2026-11-20T04:30:00Z')).toBe('2026-11-20T04:30:00Z');
    expect(yuanCell('¥18.50')).toBe(1850);
    expect(yuanCell('1,280')).toBe(128000);
    expect(yuanCell('十八')).toBe('十八');
    expect(yuanCell(' 16.5元 ')).toBe(1650);
    // not an amount of money: left as written, for validation to name the cell
    expect(yuanCell('-3')).toBe('-3');
    expect(yuanCell('18.505')).toBe('18.505');
    expect(parseItems('杨枝甘露x2、芋泥波波×1，珍珠奶茶')).toEqual([
      { name: '杨枝甘露', quantity: 2, unitPrice: 0 },
      { name: '芋泥波波', quantity: 1, unitPrice: 0 },
      { name: '珍珠奶茶', quantity: 1, unitPrice: 0 },
    ]);
  });

  it('maps platform names to channels and statuses, and keeps the customer keys it has', () => {
    expect(
      rowToOrder({
        externalId: 'A1',
        placedAt: '2026-11-20 12:30',
        channel: '美团外卖',
        status: '已退款',
        amount: '36',
        items: '杨枝甘露x2',
        phone: '13800000001',
      }),
    ).toEqual({
      externalId: 'A1',
      placedAt: '2026-11-20T12:30:00+08:00',
      channel: '外卖',
      status: 'refunded',
      amount: 3600,
      items: [{ name: '杨枝甘露', quantity: 2, unitPrice: 0 }],
      customer: { phone: '13800000001' },
    });
    expect(rowToOrder({ externalId: 'A2', placedAt: '2026-11-20', amount: '18' })).toMatchObject({
      channel: '堂食',
      status: 'completed',
    });
    expect(rowToOrder({ externalId: 'A3', placedAt: '2026-11-20', amount: '18', channel: '火星快递' }).channel).toBe(
      '火星快递',
    ); // validation names it
  });
});
