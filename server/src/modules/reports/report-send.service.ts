// Sends owners their reports as a WeCom application message (a text card opening the report page): the daily one
// each morning after the merchant's report time (08:00 unless changed), the weekly one on Mondays, the monthly one on
// the 1st, each as the owner switched them. A
// (merchant, period, start date) document claims each send, so two workers or a rerun send it once; a failed send
// gives the claim back for the next tick.
import { Schema, type Connection } from 'mongoose';
import type { OutreachSettings } from '@xiaoer/common/schemas/merchant';
import type { ReportPeriod } from '@xiaoer/common/schemas/report';
import { insertedOnce } from '../../db/duplicate-key.js';
import type { Logger } from '../../logging/logger.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import { localTime, toMinutes } from '../ai/business-hours.js';
import type { OwnerNotifier } from '../wecom/owner-notifier.js';
import type { ReportService } from './report.service.js';

const PERIOD_TITLE = { day: '昨日经营日报', week: '上周经营周报', month: '上月经营月报' } as const;

const sendSchema = new Schema({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  period: String,
  from: String,
  at: Date,
});
// One send per merchant, period and start date.
sendSchema.index({ merchantId: 1, period: 1, from: 1 }, { unique: true });
export const reportSendModel = (conn: Connection) => conn.model('ReportSend', sendSchema, 'report_sends');

export class ReportSendService {
  constructor(
    private d: {
      reports: ReportService;
      sends: ReturnType<typeof reportSendModel>;
      notifier: OwnerNotifier;
      logger: Logger;
    },
  ) {}

  /** Sends whatever is due for this merchant now (by their report time and switches); returns the periods sent. */
  async sendDue(
    merchantId: MerchantId,
    timezone: string,
    scenarios: OutreachSettings['scenarios'],
    now = new Date(),
  ): Promise<ReportPeriod[]> {
    const local = localTime(now, timezone);
    if (local.minutes < toMinutes(scenarios.daily_report.at)) return [];
    const due = (
      [
        ['day', scenarios.daily_report.enabled],
        ['week', scenarios.weekly_report.enabled && local.weekday === 1],
        ['month', scenarios.monthly_report.enabled && local.date.endsWith('-01')],
      ] as const
    ).flatMap(([period, on]) => (on ? [period] : []));
    const sent: ReportPeriod[] = [];
    for (const period of due) {
      const report = await this.d.reports.build(merchantId, period, undefined, now);
      const claim = { merchantId: merchantObjectId(merchantId), period, from: report.from };
      const claimed = await insertedOnce(() => this.d.sends.create({ ...claim, at: now }));
      if (!claimed) continue;
      try {
        const description = [report.summary, ...report.actions.map((a, i) => `${i + 1}. ${a}`)].join('\n');
        if (
          await this.d.notifier.send(merchantId, {
            title: PERIOD_TITLE[period],
            description,
            page: `pages/reports/index?period=${period}`,
          })
        )
          sent.push(period);
        else await this.d.sends.deleteOne(claim).exec(); // nobody to tell yet: send once an owner is there
      } catch (err) {
        await this.d.sends.deleteOne(claim).exec(); // the next tick tries again
        this.d.logger.warn({ err: (err as Error).message, period }, 'report send failed');
      }
    }
    return sent;
  }
}
