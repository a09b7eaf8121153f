import type { OutOfRangeEpisode } from '../../shop-data/temperature.repository.js';
import type { MerchantId } from '../../../tenancy/merchant-id.js';
import { merchantZone } from '../../clock/business-hours.js';
import { whenLabel } from '../../outreach/tutoring-scenarios.js';
import { MINUTE_MS, type NewAlert, type ScanDetector } from './detector.js';

export interface TemperatureReader {
  /** devices whose latest reading is out of range, with the start of that episode */
  outOfRange(merchantId: MerchantId): Promise<OutOfRangeEpisode[]>;
}

const TYPE_NAMES = { fridge: '冷藏', freezer: '冷冻' } as const;

/**
 * Each device out of its range for `minutes` or more, once per episode: the episode's first reading names it, so a
 * device that comes back into range and leaves it again is a new alert.
 */
export function fridgeTemperatureRule(p: {
  episodes: OutOfRangeEpisode[];
  minutes: number;
  now: Date;
  zone: string;
}): NewAlert[] {
  return p.episodes
    .filter((e) => p.now.getTime() - e.since.getTime() >= p.minutes * MINUTE_MS)
    .map((e) => {
      const lasted = Math.floor((p.now.getTime() - e.since.getTime()) / MINUTE_MS);
      const high = e.latest.reading > e.max;
      return {
        kind: 'fridge_temperature' as const,
        key: `${e.device}:${e.since.toISOString()}`,
        level: 'urgent' as const,
        title: `设备温度异常：${e.device}${high ? '温度过高' : '温度过低'}`,
        body:
          `${e.device}（${TYPE_NAMES[e.type]}）最新读数${e.latest.reading}℃（${whenLabel(e.latest.at, p.now, p.zone)}），` +
          `安全范围${e.min}～${e.max}℃，从${whenLabel(e.since, p.now, p.zone)}起已超出${lasted}分钟。` +
          `建议马上检查柜门和制冷，${high ? '食材必要时转移到其他冷柜' : '调高设定温度'}。`,
        data: { device: e.device, since: e.since, reading: e.latest.reading, min: e.min, max: e.max },
      };
    });
}

/** On every scan: a fridge or freezer that has stayed out of range longer than the owner's `minutes` (30). */
export const fridgeTemperatureDetector = (d: { temperatures: TemperatureReader }): ScanDetector => ({
  kind: 'fridge_temperature',
  async detect({ merchantId, kb, settings, now }) {
    const episodes = await d.temperatures.outOfRange(merchantId);
    return fridgeTemperatureRule({
      episodes,
      minutes: settings.fridge_temperature.minutes,
      now,
      zone: merchantZone(kb.merchant),
    });
  },
});
