// The owner-facing scenarios. Some act the moment data arrives (a bad review, a rush of orders, a new online order,
// stock falling below its line), a customer leaves or a scheduled campaign finally fails; the rest are found by the
// alert scan every few minutes. Each kind is a detector (detectors/): what it reads and a pure rule. This service only
// picks the detectors the owner has switched on and whose hour has come, and raises what they find; an alert's key
// makes it happen once.
import { resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { localTime, merchantZone } from '../clock/business-hours.js';
import type { FailedCampaign } from '../campaigns/campaign.service.js';
import type { CustomerRecord } from '../customers/customer.repository.js';
import type { IntakeEvent } from '../intake/intake-kind.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { AlertService } from './alert.service.js';
import type { AlertContext, Detector } from './detectors/detector.js';
import type { Detectors } from './detectors/index.js';

export class OwnerAlertsService {
  constructor(
    private d: {
      alerts: Pick<AlertService, 'raise' | 'deliverPending' | 'keysRaised'>;
      knowledge: Pick<KnowledgeBaseService, 'get'>;
      detectors: Detectors;
    },
  ) {}

  /** A customer deleted a staff member: the owner hears who, and what they were worth to the shop. */
  async customerLeft(
    merchantId: MerchantId,
    customer: CustomerRecord,
    staffName: string,
    now = new Date(),
  ): Promise<void> {
    const ctx = await this.context(merchantId, now);
    const found = await this.run(ctx, [this.d.detectors.customerLeft], { customer, staffName });
    if (!found.length) return;
    await this.d.alerts.raise(merchantId, found, now);
    await this.d.alerts.deliverPending(merchantId, now);
  }

  /** A scheduled campaign finally failed: the owner hears what, why and what to do, once per campaign. */
  async campaignFailed(merchantId: MerchantId, failed: FailedCampaign, now = new Date()): Promise<void> {
    const ctx = await this.context(merchantId, now);
    const found = await this.run(ctx, [this.d.detectors.campaignFailed], failed);
    if (found.length && (await this.d.alerts.raise(merchantId, found, now)))
      await this.d.alerts.deliverPending(merchantId, now);
  }

  /** Right after intake: judges what just arrived, raises what is due and tells the owner. */
  async onIntake(merchantId: MerchantId, events: IntakeEvent[], now = new Date()): Promise<void> {
    const ctx = await this.context(merchantId, now);
    const found = await this.run(ctx, this.d.detectors.intake, events);
    if (found.length && (await this.d.alerts.raise(merchantId, found, now)))
      await this.d.alerts.deliverPending(merchantId, now);
  }

  /**
   * The periodic part; scheduled news (expiry, slow movers, holidays, weather) waits for its hour, and a heavy
   * detector whose news has all been told (keysDue) is not run.
   */
  async scan(merchantId: MerchantId, now = new Date()): Promise<number> {
    const ctx = await this.context(merchantId, now);
    const detectors = await this.withNews(ctx, this.d.detectors.scan);
    const raised = await this.d.alerts.raise(merchantId, await this.run(ctx, detectors, undefined), now);
    await this.d.alerts.deliverPending(merchantId, now); // new ones, and any an earlier attempt failed to tell
    return raised;
  }

  /** The detectors switched on and due, at once; their alerts in the detectors' order. */
  private async run<I>(ctx: AlertContext, detectors: Detector<I>[], input: I) {
    const active = detectors.filter((d) => ctx.settings[d.kind].enabled && (d.due?.(ctx) ?? true));
    return (await Promise.all(active.map((d) => d.detect(ctx, input)))).flat();
  }

  /**
   * The detectors switched on and due, without those whose keys due now (keysDue) have all been raised already: they
   * are left out before they read anything heavy.
   */
  private async withNews<I>(ctx: AlertContext, detectors: Detector<I>[]): Promise<Detector<I>[]> {
    const active = detectors.filter((d) => ctx.settings[d.kind].enabled && (d.due?.(ctx) ?? true));
    const told = await Promise.all(
      active.map(async (d) => {
        if (!d.keysDue) return false;
        const keys = await d.keysDue(ctx);
        const raised = await this.d.alerts.keysRaised(ctx.merchantId, d.kind, keys);
        return keys.every((k) => raised.has(k));
      }),
    );
    return active.filter((_, i) => !told[i]);
  }

  private async context(merchantId: MerchantId, now: Date): Promise<AlertContext> {
    const kb = await this.d.knowledge.get(merchantId);
    const local = localTime(now, merchantZone(kb.merchant));
    return {
      merchantId,
      kb,
      settings: resolveOutreachSettings(kb.merchant.outreach, kb.merchant.industry).scenarios,
      now,
      today: local.date,
      localMinutes: local.minutes,
      weekday: local.weekday,
    };
  }
}
