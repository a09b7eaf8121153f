// QWeather (和风天气), the weather source Chinese apps commonly use: the city lookup and the daily forecast on the
// account's own API host, the key in the X-QW-Api-Key header. Errors come as HTTP 4xx with a v2 body
// ({error: {status, title, detail}}) or, from older endpoints, HTTP 200 with a non-"200" string code: both become a
// WeatherError. The answers are gzip-compressed; fetch inflates them.
import type { DayForecast } from './weather-signals.js';

export class WeatherError extends Error {
  constructor(
    message: string,
    /** HTTP status or QWeather's code: 404 = no such location, 401/403 = the key, 429 = over the quota */
    readonly status: number,
  ) {
    super(message);
  }
}

export interface WeatherCity {
  id: string;
  /** "徐汇 · 上海市" */
  name: string;
}

interface RawDay {
  fxDate: string;
  tempMax: string;
  tempMin: string;
  iconDay: string;
  iconNight: string;
  textDay: string;
  textNight: string;
  precip: string;
}

export class QWeatherClient {
  constructor(private options: { apiBase: string; apiKey: string; timeoutMs: number }) {}

  async lookupCity(query: string): Promise<WeatherCity[]> {
    const body = await this.get<{ location?: { id: string; name: string; adm1: string; adm2: string }[] }>(
      '/geo/v2/city/lookup',
      { location: query, number: '5' },
    );
    return (body.location ?? []).map((c) => ({
      id: c.id,
      name: c.adm1.startsWith(c.name) ? c.name : `${c.name} · ${c.adm1}`,
    }));
  }

  /** Today and the next two days at the location (its LocationID). */
  async forecast(locationId: string): Promise<DayForecast[]> {
    const body = await this.get<{ daily?: RawDay[] }>('/v7/weather/3d', { location: locationId });
    return (body.daily ?? []).map((d) => ({
      date: d.fxDate,
      textDay: d.textDay,
      textNight: d.textNight,
      iconDay: Number(d.iconDay),
      iconNight: Number(d.iconNight),
      tempMax: Number(d.tempMax),
      tempMin: Number(d.tempMin),
      precipMm: Number(d.precip) || 0,
    }));
  }

  private async get<T>(path: string, query: Record<string, string>): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.options.apiBase}${path}?${new URLSearchParams({ ...query, lang: 'zh' })}`, {
        headers: { 'X-QW-Api-Key': this.options.apiKey, 'accept-encoding': 'gzip' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      throw new WeatherError(`weather source unreachable: ${(err as Error).message}`, 0);
    }
    const body = (await res.json().catch(() => ({}))) as T & {
      code?: string;
      error?: { title?: string; detail?: string };
    };
    if (!res.ok)
      throw new WeatherError(
        `weather source answered ${res.status}: ${body.error?.title ?? ''} ${body.error?.detail ?? ''}`.trim(),
        res.status,
      );
    if (body.code && body.code !== '200')
      throw new WeatherError(`weather source answered code ${body.code}`, Number(body.code));
    return body;
  }
}
