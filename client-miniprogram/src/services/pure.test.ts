import { describe, expect, it } from 'vitest';
import { revenueTrend, topItemsBar } from '../charts/options';
import { withParam } from '../pages/settings/scenario-params';
import { groupByScenario, type Draft } from './drafts';
import { sheetFormat } from './files';
import { formatFen } from '@xiaoer/common/money';
import { change, shopDate, waitText } from './format';
import { needsRefresh } from './session';

const draft = (id: string, scenario: string, scenarioName: string) => ({ id, scenario, scenarioName }) as Draft;

describe('what the pages show', () => {
  it('groups drafts by scenario in the order they came', () => {
    const groups = groupByScenario([
      draft('1', 'birthday', '生日祝福'),
      draft('2', 'dormant_winback', '沉睡客户唤醒'),
      draft('3', 'birthday', '生日祝福'),
    ]);
    expect(groups.map((g) => [g.name, g.drafts.map((d) => d.id)])).toEqual([
      ['生日祝福', ['1', '3']],
      ['沉睡客户唤醒', ['2']],
    ]);
  });

  it('formats money, changes, waits and the shop’s date', () => {
    expect(formatFen(812300)).toBe('¥8,123');
    expect(formatFen(1850)).toBe('¥18.50');
    expect(change({ value: 3, previous: 1, changePct: 200 })).toBe('+200%');
    expect(change({ value: 1, previous: 2, changePct: -50 })).toBe('-50%');
    expect(change({ value: 1, previous: 0 })).toBe('');
    expect(waitText(0)).toBe('—');
    expect(waitText(42)).toBe('42秒');
    expect(waitText(150)).toBe('3分钟');
    expect(shopDate(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24'); // 01:00 in Shanghai
  });

  it('draws revenue in yuan by day and the best sellers biggest on top', () => {
    const trend = revenueTrend({
      daily: [
        { date: '2026-11-22', revenue: 8100, orders: 3 },
        { date: '2026-11-23', revenue: 12050, orders: 5 },
      ],
    });
    expect(trend.xAxis.data).toEqual(['11-22', '11-23']);
    expect(trend.series[0]).toMatchObject({ type: 'line', data: [81, 121] });
    expect(revenueTrend({ daily: [{ date: '2026-11-23', revenue: 100, orders: 1 }] }).series[0]!.type).toBe('bar');
    const top = topItemsBar({
      topItems: [
        { name: '杨枝甘露', quantity: 9, revenue: 0 },
        { name: '芋泥波波', quantity: 4, revenue: 0 },
      ],
    });
    expect(top.yAxis.data).toEqual(['芋泥波波', '杨枝甘露']);
  });

  it('reads tuned values, the industry default and spreadsheets by their extension', () => {
    expect(withParam('orders', '12')).toEqual({ orders: 12 });
    expect(withParam('orders', 'abc')).toEqual({});
    expect(withParam('idleDays', '')).toEqual({ idleDays: null });
    expect(withParam('at', '09:30')).toEqual({ at: '09:30' });
    expect(sheetFormat('收银流水.CSV')).toBe('csv');
    expect(sheetFormat('库存.xlsx')).toBe('xlsx');
    expect(sheetFormat('库存.xls')).toBeNull();
    const now = Date.parse('2026-11-23T08:00:00Z');
    const hourLong = { token: 't', expiresAt: new Date(now + 3600_000).toISOString(), staff: {} as never };
    expect(needsRefresh({ ...hourLong, receivedAt: now - 10 * 60_000 }, now)).toBe(false); // 10 of 70 minutes used
    expect(needsRefresh({ ...hourLong, receivedAt: now - 3 * 3600_000 }, now)).toBe(true); // 3 of 4 hours used
  });
});
