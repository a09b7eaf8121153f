import type { WeatherOverviewDto } from '@xiaoer/common/schemas/weather';

/** The shop's city and the days ahead there: each day's text and what stands out; never the source's raw forecast. */
export const presentWeather = (w: WeatherOverviewDto): WeatherOverviewDto => ({
  available: w.available,
  ...(w.location ? { location: { id: w.location.id, name: w.location.name } } : {}),
  days: w.days.map((d) => ({ date: d.date, text: d.text, signals: [...d.signals] })),
  ...(w.problem ? { problem: w.problem } : {}),
});
