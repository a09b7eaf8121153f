// One detector per owner alert kind: what it reads (through repositories, handed in when it is built) and a pure rule
// that turns what it read into alerts. The owner-alerts service only decides which detectors run and raises what
// they find; each alert's key makes it happen once, so a detector may find the same thing on every scan.
import type { ScenarioKey } from '@xiaoer/common/constants/scenarios';
import type { OutreachSettings } from '@xiaoer/common/schemas/merchant';
import type { MerchantId } from '../../../tenancy/merchant-id.js';
import { toMinutes } from '../../clock/business-hours.js';
import type { IntakeEvent } from '../../intake/intake-kind.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.service.js';
import type { NewAlert } from '../alert.service.js';

export type { NewAlert };

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** The merchant and the moment a detector looks at. */
export interface AlertContext {
  merchantId: MerchantId;
  kb: KnowledgeBase;
  settings: OutreachSettings['scenarios'];
  now: Date;
  /** `now` in the merchant's zone */
  today: string;
  localMinutes: number;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

/**
 * One alert kind. `detect` runs when its trigger fires (the scan, arriving intake data, a customer leaving) and the
 * owner has the kind switched on; `due` holds scheduled news back until its hour.
 */
export interface Detector<I = void> {
  kind: ScenarioKey;
  due?: (ctx: AlertContext) => boolean;
  /**
   * For a detector whose reads are heavy (weeks of orders, sales) and whose news is known cheaply first: the keys it
   * would raise now (tomorrow's weather signals). When each of them has been raised already — or there is none — the
   * scan skips it before it reads anything more; a forecast that turns with a new signal is a new key, told that day.
   */
  keysDue?: (ctx: AlertContext) => Promise<string[]>;
  detect(ctx: AlertContext, input: I): Promise<NewAlert[]>;
}

/** Found by the alert scan every few minutes. */
export type ScanDetector = Detector<void>;
/** Judges what intake just stored. */
export type IntakeDetector = Detector<IntakeEvent[]>;

/** Expiry, slow movers and holidays are morning news: they wait for the owner's report time. */
export const afterReportTime = (ctx: AlertContext) => ctx.localMinutes >= toMinutes(ctx.settings.daily_report.at);

/** older data arriving late (an import of last month) is history, not news */
const NEWS_WINDOW_MS = 30 * MINUTE_MS;

export type OrderEvent = Extract<IntakeEvent, { type: 'order' }>;

/** Orders this delivery created that were placed in the last half hour. */
export const freshOrders = (events: IntakeEvent[], now: Date): OrderEvent[] =>
  events.filter(
    (e): e is OrderEvent => e.type === 'order' && e.created && now.getTime() - e.placedAt.getTime() < NEWS_WINDOW_MS,
  );
