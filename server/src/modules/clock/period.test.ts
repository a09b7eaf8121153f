import { describe, expect, it } from 'vitest';
import { lastCompletePeriod, periodContaining, previousPeriod, startOfLocalDay, zoneOffsetMinutes } from './period.js';

const TZ = 'Asia/Shanghai';

describe('report periods', () => {
  it('knows where a local day begins', () => {
    expect(zoneOffsetMinutes(new Date('2026-11-23T00:00:00Z'), TZ)).toBe(480);
    expect(startOfLocalDay('2026-11-23', TZ).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(zoneOffsetMinutes(new Date('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('finds the day, Monday-to-Sunday week and month around a date, and the one before', () => {
    expect(periodContaining('week', '2026-11-23', TZ)).toMatchObject({ from: '2026-11-23', to: '2026-11-29' }); // a Monday
    expect(periodContaining('week', '2026-11-22', TZ)).toMatchObject({ from: '2026-11-16', to: '2026-11-22' }); // a Sunday
    const feb = periodContaining('month', '2028-02-10', TZ);
    expect(feb).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
    expect(feb.end.toISOString()).toBe('2028-02-29T16:00:00.000Z');
    expect(previousPeriod('month', periodContaining('month', '2026-01-15', TZ), TZ)).toMatchObject({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(lastCompletePeriod('day', '2026-11-23', TZ)).toMatchObject({ from: '2026-11-22', to: '2026-11-22' });
  });
});
