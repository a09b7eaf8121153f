import { describe, expect, it } from 'vitest';
import { describeDay, weatherSignals, type DayForecast } from './weather-signals.js';

const day = (over: Partial<DayForecast> = {}): DayForecast => ({
  date: '2026-11-24',
  textDay: '晴',
  textNight: '晴',
  iconDay: 100,
  iconNight: 150,
  tempMax: 22,
  tempMin: 14,
  precipMm: 0,
  ...over,
});

describe('what tomorrow’s weather means', () => {
  it('finds rain by its condition code (thunderstorms included) or by the amount, and snow before rain', () => {
    expect(weatherSignals(day())).toEqual([]);
    expect(weatherSignals(day({ iconDay: 306, textDay: '中雨' }))).toEqual(['rain']);
    expect(weatherSignals(day({ iconNight: 302, textNight: '雷阵雨' }))).toEqual(['rain']);
    expect(weatherSignals(day({ iconDay: 101, precipMm: 2.5 }))).toEqual(['rain']);
    expect(weatherSignals(day({ iconDay: 101, precipMm: 0.4 }))).toEqual([]); // a trace is not a rainy day
    expect(weatherSignals(day({ iconDay: 404, iconNight: 305, precipMm: 6 }))).toEqual(['snow']);
  });

  it('finds heat from 35℃ and a cold snap from a sharp drop or a cold high, next to rain', () => {
    expect(weatherSignals(day({ tempMax: 34 }))).toEqual([]);
    expect(weatherSignals(day({ tempMax: 35 }))).toEqual(['heat']);
    expect(weatherSignals(day({ tempMin: 6, tempMax: 12 }), day({ tempMin: 14 }))).toEqual(['cold']);
    expect(weatherSignals(day({ tempMin: 8, tempMax: 12 }), day({ tempMin: 14 }))).toEqual([]); // 6℃ lower: just autumn
    expect(weatherSignals(day({ tempMin: -2, tempMax: 4, iconDay: 305 }))).toEqual(['rain', 'cold']);
  });

  it('says the day in a line', () => {
    expect(describeDay(day({ textDay: '中雨', textNight: '小雨', tempMin: 12, tempMax: 18 }))).toBe(
      '中雨转小雨，12~18℃',
    );
    expect(describeDay(day())).toBe('晴，14~22℃');
  });
});
