import { describe, expect, it } from 'vitest';
import { OWNER_ADVICE } from '../../weather/weather-signals.js';
import { alertContext } from './test-context.js';
import { weatherPrepDetector, weatherPrepRule } from './weather-prep.detector.js';

const day = {
  date: '2026-12-01',
  textDay: '中雨',
  textNight: '小雨',
  iconDay: 306,
  iconNight: 305,
  tempMax: 12,
  tempMin: 3,
  precipMm: 8,
};

describe('weather prep', () => {
  it('tells each kind of weather tomorrow once, with the industry’s preparation', () => {
    const alerts = weatherPrepRule({ day, signals: ['rain', 'cold'] }, '餐饮');
    expect(alerts.map((a) => [a.key, a.title])).toEqual([
      ['2026-12-01:rain', '明天有雨：中雨转小雨，3~12℃'],
      ['2026-12-01:cold', '明天降温：中雨转小雨，3~12℃'],
    ]);
    expect(alerts[0]!.body).toBe(OWNER_ADVICE.餐饮.rain);
    expect(weatherPrepRule(null, '餐饮')).toEqual([]);
    expect(weatherPrepRule({ day, signals: [] }, '餐饮')).toEqual([]);
  });

  it('looks from the owner’s weather hour on', () => {
    const detector = weatherPrepDetector({ weather: { tomorrow: async () => null } });
    expect(detector.due!(alertContext({ localMinutes: 14 * 60 + 59 }))).toBe(false);
    expect(detector.due!(alertContext({ localMinutes: 15 * 60 }))).toBe(true);
  });
});
