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
   * Its news is told once a day (tomorrow's weather) and its reads are heavy (weeks of orders): once it has raised an
   * alert today (merchant-local), the scan skips it for the rest of the day, before it reads anything. Not for a
   * detector whose news can arrive at any hour (the rota: rota-conflict.detector.ts keeps its heavy read for the day).
   */
  oncePerDay?: boolean;
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
