import { describe, expect, it } from 'vitest';
import { fakeId } from './test-context.js';
import { customerLeftRule } from './customer-left.detector.js';

describe('customer left rule', () => {
  const customer = { _id: fakeId('6500000000000000000000bb'), name: '阿花', remark: '' };
  const order = (amount: number, iso: string, status = 'completed') => ({ amount, status, placedAt: new Date(iso) });

  it('tells what a regular was worth (paid orders only), as a warning', () => {
    const alert = customerLeftRule(
      { customer, staffName: '小李' },
      [
        order(2000, '2026-11-29T17:00:00Z'), // 01:00 the next day in Shanghai
        order(2000, '2026-11-20T04:00:00Z'),
        order(2000, '2026-11-10T04:00:00Z'),
        order(9900, '2026-11-09T04:00:00Z', 'refunded'),
      ] as never,
      'Asia/Shanghai',
      '2026-11-30',
    );
    expect(alert).toMatchObject({
      key: `${customer._id.toHexString()}:2026-11-30`,
      level: 'warning',
      title: '客户删除了员工：阿花',
      body: '阿花刚刚删除了小李的企业微信。TA来过3次，共消费¥60，上次是2026-11-30。可以看看最近的服务或订单有没有问题。',
      data: { customerId: customer._id.toHexString(), staffName: '小李' },
    });
  });

  it('is news of its own for a customer who never bought', () => {
    const alert = customerLeftRule(
      { customer: { ...customer, remark: '王姐' }, staffName: '小李' },
      [],
      'Asia/Shanghai',
      '2026-11-30',
    );
    expect(alert.level).toBe('info');
    expect(alert.body).toContain('王姐刚刚删除了小李的企业微信。还没有在店里消费过。');
  });
});
