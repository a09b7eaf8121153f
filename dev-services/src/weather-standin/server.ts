// A QWeather (和风天气) stand-in: the city lookup (GET /geo/v2/city/lookup) and the daily forecast
// (GET /v7/weather/3d|7d) on an API host of its own, the API key in the X-QW-Api-Key header, gzip-compressed JSON
// answers with string codes, and QWeather's v2 error bodies (HTTP 400/401/404/429). The product talks to it through
// WEATHER_API_BASE exactly as to the real host.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface StandInCity {
  id: string;
  name: string;
  adm1: string;
  adm2: string;
  lat: string;
  lon: string;
}

/** One day as QWeather sends it (numbers as strings, like the real API). */
export interface StandInDay {
  fxDate: string;
  tempMax: string;
  tempMin: string;
  iconDay: string;
  textDay: string;
  iconNight: string;
  textNight: string;
  precip: string;
  humidity: string;
}

const CITIES: StandInCity[] = [
  { id: '101020100', name: '上海', adm1: '上海市', adm2: '上海', lat: '31.23', lon: '121.47' },
  { id: '101020600', name: '徐汇', adm1: '上海市', adm2: '上海', lat: '31.19', lon: '121.44' },
  { id: '101010100', name: '北京', adm1: '北京市', adm2: '北京', lat: '39.90', lon: '116.41' },
  { id: '101280601', name: '深圳', adm1: '广东省', adm2: '深圳', lat: '22.55', lon: '114.09' },
  { id: '101270101', name: '成都', adm1: '四川省', adm2: '成都', lat: '30.66', lon: '104.07' },
];

/** A fair day: what a location answers until a test scripts its weather. */
export function fairDay(fxDate: string): StandInDay {
  return {
    fxDate,
    tempMax: '22',
    tempMin: '14',
    iconDay: '100',
    textDay: '晴',
    iconNight: '150',
    textNight: '晴',
    precip: '0.0',
    humidity: '55',
  };
}

/** The same day, rainy. */
export const rainyDay = (fxDate: string, text = '中雨'): StandInDay => ({
  ...fairDay(fxDate),
  iconDay: '306',
  textDay: text,
  iconNight: '305',
  textNight: '小雨',
  precip: '12.4',
  humidity: '92',
});

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** Today in Shanghai (the forecast's dates are the location's). */
const todayInChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export class WeatherStandIn {
  private server?: http.Server;
  url = '';
  apiKey = 'standin-qweather-key';
  /** scripted days per location id, by date; other days are fair */
  forecasts = new Map<string, Map<string, StandInDay>>();
  /** every request: path and location (to count calls) */
  seen: { path: string; location: string | null }[] = [];
  /** answer every forecast with this HTTP status and a v2 error (429 = over the quota) */
  failWith?: 400 | 401 | 403 | 429 | 500;

  async start(port = 0): Promise<string> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Scripts a location's weather for the given days. */
  setDays(locationId: string, days: StandInDay[]): void {
    const known = this.forecasts.get(locationId) ?? new Map<string, StandInDay>();
    for (const d of days) known.set(d.fxDate, d);
    this.forecasts.set(locationId, known);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://standin');
    const location = url.searchParams.get('location');
    this.seen.push({ path: url.pathname, location });
    const send = (status: number, body: unknown) => {
      const json = Buffer.from(JSON.stringify(body));
      const gzip = /gzip/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(status, { 'content-type': 'application/json', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
      res.end(gzip ? gzipSync(json) : json);
    };
    const error = (status: number, type: string, title: string, detail: string) =>
      send(status, {
        error: { status, type: `https://dev.qweather.com/docs/resource/error-code/#${type}`, title, detail },
      });

    if (req.method !== 'GET') return error(405, 'method-not-allowed', 'Method Not Allowed', 'Only GET is supported.');
    const key = req.headers['x-qw-api-key'] ?? url.searchParams.get('key');
    if (!key) return error(401, 'missing-credentials', 'Missing Credentials', 'The API key is missing.');
    if (key !== this.apiKey) return error(401, 'invalid-credentials', 'Invalid Credentials', 'The API key is invalid.');
    if (!location) return error(400, 'missing-parameter', 'Missing Parameter', 'location is required.');

    if (url.pathname === '/geo/v2/city/lookup') {
      const q = location.trim();
      const found = CITIES.filter((c) => c.id === q || c.name.includes(q) || q.includes(c.name));
      return found.length
        ? send(200, { code: '200', location: found })
        : error(404, 'no-such-location', 'No Such Location', 'The location could not be found.');
    }
    const days = /^\/v7\/weather\/(3d|7d)$/.exec(url.pathname);
    if (!days) return error(404, 'not-found', 'Not Found', 'Unknown endpoint.');
    if (this.failWith)
      return error(
        this.failWith,
        this.failWith === 429 ? 'over-free-daily-limit' : 'error',
        this.failWith === 429 ? 'Over Free Daily Limit' : 'Error',
        'Scripted failure.',
      );
    if (!CITIES.some((c) => c.id === location) && !/^-?\d{1,3}(\.\d{1,2})?,-?\d{1,2}(\.\d{1,2})?$/.test(location)) {
      return error(400, 'no-such-location', 'No Such Location', 'The location could not be found.');
    }
    const today = todayInChina();
    const scripted = this.forecasts.get(location);
    const daily = Array.from({ length: days[1] === '3d' ? 3 : 7 }, (_, i) => addDays(today, i)).map(
      (d) => scripted?.get(d) ?? fairDay(d),
    );
    send(200, {
      code: '200',
      updateTime: new Date().toISOString().slice(0, 16) + '+00:00',
      fxLink: 'https://www.qweather.com',
      daily,
    });
  }
}
