// Owner alerts: raised once per (merchant, kind, key), told to the owner in WeCom at once, and kept for the console.
// Telling is at-least-once with a lease: the worker that raised an alert tells it straight away; if that fails (or
// the process dies) the alert stays pending and the next alert scan tells it, up to a few attempts.
import { SCENARIOS, type ScenarioKey } from '@xiaoer/common/constants/scenarios';
import type { AlertDto, AlertLevel } from '@xiaoer/common/schemas/alert';
import { Types } from 'mongoose';
import type { Session } from '../../auth/session.js';
import { insertedOnce } from '../../db/duplicate-key.js';
import { notFound } from '../../errors/app-error.js';
import type { Logger } from '../../logging/logger.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { OwnerNotifier } from '../wecom/owner-notifier.js';
import type { Alert, AlertModel } from './alert.model.js';

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

type AlertRecord = Alert & { _id: Types.ObjectId };

export class AlertService {
  constructor(
    private d: {
      alerts: AlertModel;
      notifier: OwnerNotifier;
      logger: Logger;
    },
  ) {}

  /** Raises each alert unless it was raised before; returns how many are new. Telling the owner is `deliverPending`. */
  async raise(merchantId: MerchantId, alerts: NewAlert[], now = new Date()): Promise<number> {
    let created = 0;
    for (const a of alerts) {
      const doc = {
        merchantId: merchantObjectId(merchantId),
        ...a,
        data: a.data ?? {},
        status: 'open',
        notify: 'pending',
        notifyAttempts: 0,
        createdAt: now,
        updatedAt: now,
      };
      // through the driver: the alert carries the caller's clock (scans run on a controllable one)
      if (await insertedOnce(() => this.d.alerts.collection.insertOne(doc))) created++;
    }
    return created;
  }

  /** Tells the owner every pending alert of this merchant; each is claimed first, so two workers tell it once. */
  async deliverPending(merchantId: MerchantId, now = new Date()): Promise<number> {
    const mid = merchantObjectId(merchantId);
    let told = 0;
    for (;;) {
      const alert = await this.d.alerts
        .findOneAndUpdate(
          { merchantId: mid, notify: 'pending', $or: [{ notifyLeaseUntil: null }, { notifyLeaseUntil: { $lt: now } }] },
          { $set: { notifyLeaseUntil: new Date(now.getTime() + LEASE_MS) }, $inc: { notifyAttempts: 1 } },
          { sort: { createdAt: 1 }, returnDocument: 'after' },
        )
        .lean<AlertRecord>()
        .exec();
      if (!alert) return told;
      try {
        const sent = await this.d.notifier.send(merchantId, {
          title: `${ICON[alert.level]}${alert.title}`,
          description: alert.body,
          page: `pages/alerts/detail?id=${alert._id.toHexString()}`,
        });
        await this.settle(alert, sent ? 'sent' : 'nobody', now);
        if (sent) told++;
      } catch (err) {
        this.d.logger.warn({ err: (err as Error).message, alert: alert.key }, 'alert not told');
        // another attempt on the next scan, unless this was the last
        await this.d.alerts
          .updateOne(
            { _id: alert._id },
            alert.notifyAttempts >= MAX_ATTEMPTS
              ? { $set: { notify: 'failed' }, $unset: { notifyLeaseUntil: 1 } }
              : { $set: { notifyLeaseUntil: new Date(now.getTime() + LEASE_MS) } },
          )
          .exec();
        return told; // WeCom is failing: leave the rest for the next scan
      }
    }
  }

  async list(merchantId: MerchantId, status?: Alert['status']): Promise<AlertDto[]> {
    const rows = await this.d.alerts
      .find({ merchantId: merchantObjectId(merchantId), ...(status ? { status } : {}) })
      .sort({ createdAt: -1 })
      .limit(200)
      .lean<AlertRecord[]>()
      .exec();
    return rows.map(present);
  }

  async get(merchantId: MerchantId, id: string): Promise<AlertDto> {
    const alert = await this.d.alerts
      .findOne({ _id: new Types.ObjectId(id), merchantId: merchantObjectId(merchantId) })
      .lean<AlertRecord>()
      .exec();
    if (!alert) throw notFound('没有找到这条提醒');
    return present(alert);
  }

  async resolve(session: Session, id: string): Promise<AlertDto> {
    const alert = await this.d.alerts
      .findOneAndUpdate(
        { _id: new Types.ObjectId(id), merchantId: merchantObjectId(session.merchantId) },
        { $set: { status: 'resolved', resolvedAt: new Date(), resolvedBy: session.staffId } },
        { returnDocument: 'after' },
      )
      .lean<AlertRecord>()
      .exec();
    if (!alert) throw notFound('没有找到这条提醒');
    return present(alert);
  }

  /** Open alerts by kind in a period (reports). */
  async countsBetween(merchantId: MerchantId, start: Date, end: Date): Promise<Record<string, number>> {
    const rows = await this.d.alerts
      .aggregate<{ _id: string; n: number }>([
        { $match: { merchantId: merchantObjectId(merchantId), createdAt: { $gte: start, $lt: end } } },
        { $group: { _id: '$kind', n: { $sum: 1 } } },
      ])
      .exec();
    return Object.fromEntries(rows.map((r) => [r._id, r.n]));
  }

  private async settle(alert: AlertRecord, notify: 'sent' | 'nobody', now: Date) {
    await this.d.alerts
      .updateOne({ _id: alert._id }, { $set: { notify, notifiedAt: now }, $unset: { notifyLeaseUntil: 1 } })
      .exec();
  }
}

const present = (a: AlertRecord): AlertDto => ({
  id: a._id.toHexString(),
  kind: a.kind,
  kindName: SCENARIOS[a.kind]?.name ?? a.kind,
  level: a.level,
  title: a.title,
  body: a.body,
  data: a.data ?? {},
  status: a.status,
  notified: a.notify,
  createdAt: a.createdAt.toISOString(),
  ...(a.resolvedAt ? { resolvedAt: a.resolvedAt.toISOString() } : {}),
});
