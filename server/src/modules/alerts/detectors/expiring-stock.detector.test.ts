import { describe, expect, it } from 'vitest';
import { expiringStockDetector, expiringStockRule } from './expiring-stock.detector.js';
import { alertContext } from './test-context.js';

const milk = {
  name: '鲜牛奶',
  unit: '盒',
  quantity: 6,
  batches: [
    { batchNo: 'A', quantity: 10, expiresOn: '2026-11-29' }, // used up first: nothing of it is left
    { batchNo: 'B', quantity: 4, expiresOn: '2026-12-01' },
    { quantity: 2, expiresOn: '2026-12-20' },
  ],
};

describe('expiring stock rule', () => {
  it('tells only the batches still on the shelf that expire by the last day, once per batch', () => {
    const alerts = expiringStockRule([milk], '2026-11-30', '2026-12-03');
    expect(alerts.map((a) => [a.key, a.level, a.title])).toEqual([['鲜牛奶:B', 'warning', '临期提醒：鲜牛奶']]);
    expect(alerts[0]!.body).toBe('鲜牛奶有4盒将于2026-12-01到期，建议优先使用，或在客户群做个小促销消耗掉。');
  });

  it('calls an expired batch urgent and keys a batch without a number by its date', () => {
    const old = { ...milk, quantity: 3, batches: [{ quantity: 3, expiresOn: '2026-11-28' }] };
    const [alert] = expiringStockRule([old], '2026-11-30', '2026-12-03');
    expect(alert).toMatchObject({ key: '鲜牛奶:2026-11-28', level: 'urgent', title: '已过期：鲜牛奶' });
    expect(alert!.data).not.toHaveProperty('batchNo');
  });
});

describe('expiring stock detector', () => {
  it('waits for the report time and asks for the items expiring within the owner’s window', async () => {
    const asked: string[] = [];
    const detector = expiringStockDetector({
      stock: { withBatchesExpiringBy: async (_m, lastDay) => (asked.push(lastDay), [milk]) },
    });
    expect(detector.due!(alertContext({ localMinutes: 7 * 60 + 59 }))).toBe(false);
    expect(detector.due!(alertContext({ localMinutes: 8 * 60 }))).toBe(true);
    expect(await detector.detect(alertContext())).toHaveLength(1);
    expect(asked).toEqual(['2026-12-03']);
  });
});
