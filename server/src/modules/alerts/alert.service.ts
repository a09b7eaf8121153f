// Owner alerts: raised once per (merchant, kind, key), told to the owner in WeCom at once, and kept for the console.
// Telling is at-least-once with a lease: the worker that raised an alert tells it straight away; if that fails (or
// the process dies) the alert stays pending and the next alert scan tells it, up to a few attempts.
import type { ScenarioKey } from '@xiaoer/common/constants/scenarios';
import type { AlertLevel, AlertListQuery } from '@xiaoer/common/schemas/alert';
import type { Session } from '../../auth/session.js';
import { newestFirstPage } from '../../db/newest-first-page.js';
import { notFound } from '../../errors/app-error.js';
import type { Logger } from '../../logging/logger.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { OwnerNotifier } from '../wecom/owner-notifier.js';
import type { Alert } from './alert.model.js';
import type { AlertRecord, AlertRepository } from './alert.repository.js';

const MAX_ATTEMPTS = 5;
const LEASE_MS = 60_000;
const ICON: Record<AlertLevel, string> = { info: '', warning: '⚠️', urgent: '🔴' };

export interface NewAlert {
  kind: ScenarioKey;
  key: string;
  level: AlertLevel;
  title: string;
  body: string;
  data?: Record<string, unknown>;
}

export class AlertService {
  constructor(
    private d: {
      alerts: AlertRepository;
      notifier: OwnerNotifier;
      logger: Logger;
    },
  ) {}

  /** Raises each alert unless it was raised before; returns how many are new. Telling the owner is `deliverPending`. */
  async raise(merchantId: MerchantId, alerts: NewAlert[], now = new Date()): Promise<number> {
    let created = 0;
    for (const a of alerts) if (await this.d.alerts.insertOnce(merchantId, a, now)) created++;
    return created;
  }

  /** Which of these keys of one kind have been raised. */
  keysRaised(merchantId: MerchantId, kind: ScenarioKey, keys: string[]): Promise<Set<string>> {
    return this.d.alerts.keysRaised(merchantId, kind, keys);
  }

  /** Tells the owner every pending alert of this merchant; each is claimed first, so two workers tell it once. */
  async deliverPending(merchantId: MerchantId, now = new Date()): Promise<number> {
    let told = 0;
    for (;;) {
      const alert = await this.d.alerts.claimPending(merchantId, now, new Date(now.getTime() + LEASE_MS));
      if (!alert) return told;
      try {
        const sent = await this.d.notifier.send(merchantId, {
          title: `${ICON[alert.level]}${alert.title}`,
          description: alert.body,
          page: `pages/alerts/detail?id=${alert._id.toHexString()}`,
        });
        await this.d.alerts.settle(merchantId, alert._id, sent ? 'sent' : 'nobody', now);
        if (sent) told++;
      } catch (err) {
        this.d.logger.warn({ err: (err as Error).message, alert: alert.key }, 'alert not told');
        // another attempt on the next scan, unless this was the last
        if (alert.notifyAttempts >= MAX_ATTEMPTS) await this.d.alerts.settle(merchantId, alert._id, 'failed');
        else await this.d.alerts.holdUntil(merchantId, alert._id, new Date(now.getTime() + LEASE_MS));
        return told; // WeCom is failing: leave the rest for the next scan
      }
    }
  }

  list(merchantId: MerchantId, status?: Alert['status']): Promise<AlertRecord[]> {
    return this.d.alerts.list(merchantId, status);
  }

  /** The console's list, newest first: with `limit` one page of it, else the latest 200 (today's page). */
  async page(merchantId: MerchantId, query: AlertListQuery): Promise<{ items: AlertRecord[]; nextCursor?: string }> {
    const { status, limit, cursor } = query;
    if (!limit) return { items: await this.d.alerts.list(merchantId, status) };
    return newestFirstPage(
      (before, n, beforeId) =>
        this.d.alerts.newestBefore(merchantId, status ? { status } : {}, 'createdAt', before, n, beforeId),
      (a) => a.createdAt,
      { limit, cursor },
    );
  }

  async get(merchantId: MerchantId, id: string): Promise<AlertRecord> {
    const alert = await this.d.alerts.findById(merchantId, id);
    if (!alert) throw notFound('没有找到这条提醒');
    return alert;
  }

  async resolve(session: Session, id: string): Promise<AlertRecord> {
    const alert = await this.d.alerts.resolve(session.merchantId, id, session.staffId, new Date());
    if (!alert) throw notFound('没有找到这条提醒');
    return alert;
  }

  /** Alerts raised by kind in a period (reports). */
  countsBetween(merchantId: MerchantId, start: Date, end: Date): Promise<Record<string, number>> {
    return this.d.alerts.countsByKind(merchantId, start, end);
  }
}
