import { describe, expect, it } from 'vitest';
import { addsChart, total, weekLabel, welcomeOf, withWelcome } from './channels-page';

describe('channels page', () => {
  it('charts the weeks by their Monday, one stacked series per channel that brought anyone', () => {
    const option = addsChart({
      weeks: ['2026-11-16', '2026-11-23', '2026-11-30'],
      channels: [
        { channel: 'table_card', counts: [1, 0, 4] },
        { channel: 'flyer', counts: [0, 0, 0] },
        { channel: 'delivery_note', counts: [0, 2, 1] },
      ],
      codes: [],
    });
    expect(option.xAxis.data).toEqual(['11/16周', '11/23周', '11/30周']);
    expect(option.series.map((s) => [s.name, s.data, s.stack])).toEqual([
      ['桌贴码', [1, 0, 4], 'adds'],
      ['外卖单', [0, 2, 1], 'adds'],
    ]);
    expect(weekLabel('2026-01-05')).toBe('1/5');
    expect(total([1, 2, 3])).toBe(6);
  });

  it('tells a channel’s own welcome from the default it falls back to', () => {
    const items = [
      { channel: 'default' as const, text: '您好' },
      { channel: 'receipt' as const, text: '感谢光临' },
    ];
    expect(welcomeOf(items, 'receipt')).toEqual({ text: '感谢光临', own: true });
    expect(welcomeOf(items, 'flyer')).toEqual({ text: '您好', own: false });
    expect(welcomeOf([], 'flyer')).toBeNull();
    expect(withWelcome(items, 'flyer', '传单来的您好')).toEqual([...items, { channel: 'flyer', text: '传单来的您好' }]);
    expect(withWelcome(items, 'receipt', '谢谢')[1]).toEqual({ channel: 'receipt', text: '谢谢' });
  });
});
