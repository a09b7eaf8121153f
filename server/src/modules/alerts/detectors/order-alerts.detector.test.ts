// The order kinds: a new online order, a rush, an order waiting too long.
import { describe, expect, it } from 'vitest';
import type { IntakeEvent } from '../../intake/intake-kind.js';
import { newOrderDetector, newOrderRule } from './new-order.detector.js';
import { orderTimeoutRule } from './order-timeout.detector.js';
import { peakHourDetector, peakHourRule } from './peak-hour.detector.js';
import { alertContext } from './test-context.js';

const now = new Date('2026-11-30T04:00:00Z');
const order = (over: Partial<Extract<IntakeEvent, { type: 'order' }>> = {}): IntakeEvent => ({
  type: 'order',
  externalId: 'W1',
  placedAt: new Date(now.getTime() - 60_000),
  channel: '外卖',
  status: 'paid',
  amount: 3600,
  created: true,
  ...over,
});

describe('new order', () => {
  it('tells fresh paid 外卖 and 线上 orders only', async () => {
    const events = [
      order(),
      order({ externalId: 'W2', channel: '线上', amount: 1850 }),
      order({ externalId: 'S1', channel: '堂食' }),
      order({ externalId: 'W3', status: 'completed' }),
      order({ externalId: 'W4', created: false }), // a resend
      order({ externalId: 'W5', placedAt: new Date(now.getTime() - 31 * 60_000) }), // history, not news
    ];
    const alerts = await newOrderDetector().detect(alertContext({ now }), events);
    expect(alerts.map((a) => a.title)).toEqual(['新订单：外卖 ¥36', '新订单：线上 ¥18.50']);
    expect(alerts[0]).toMatchObject({ key: 'W1', level: 'info', body: '订单号 W1，请及时处理。' });
    expect(newOrderRule([])).toEqual([]);
  });
});

describe('peak hour', () => {
  const p = { threshold: 8, minutes: 5, today: '2026-11-30', localMinutes: 12 * 60 + 44 };

  it('is a rush above the threshold, told once per half hour', () => {
    expect(peakHourRule({ ...p, recent: 8 })).toEqual([]);
    const [alert] = peakHourRule({ ...p, recent: 9 });
    expect(alert).toMatchObject({ key: '2026-11-30T12:30', level: 'warning', title: '收银高峰：5分钟9笔' });
  });

  it('counts only when the delivery brought fresh orders', async () => {
    let counted = 0;
    const detector = peakHourDetector({ orders: { count: async () => (counted++, 20) } });
    const ctx = alertContext({ now });
    expect(await detector.detect(ctx, [order({ created: false })])).toEqual([]);
    expect(counted).toBe(0);
    expect(await detector.detect(ctx, [order()])).toHaveLength(1);
  });
});

describe('order timeout', () => {
  it('says how long an order has waited, in hours from two hours on, and what to do for its channel', () => {
    const alerts = orderTimeoutRule(
      [
        { externalId: 'W1', channel: '外卖', amount: 3600, placedAt: new Date(now.getTime() - 45 * 60_000) },
        { externalId: 'E1', channel: '线上', amount: 12000, placedAt: new Date(now.getTime() - 150 * 60_000) },
      ],
      now,
    );
    expect(alerts.map((a) => [a.key, a.level, a.title, a.body])).toEqual([
      ['W1', 'urgent', '订单超时：外卖 ¥36', '订单 W1 已经等了45分钟还没完成，请尽快出餐。'],
      ['E1', 'urgent', '订单超时：线上 ¥120', '订单 E1 已经等了2小时还没完成，请尽快发货。'],
    ]);
  });
});
