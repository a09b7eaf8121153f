// Sends owners their reports as a WeCom application message (a text card opening the report page): the daily one
// each morning after the merchant's report time (08:00 unless changed), the weekly one on Mondays, the monthly one on
// the 1st, each as the owner switched them. A
// (merchant, period, start date) document claims each send, so two workers or a rerun send it once; a failed send
// gives the claim back for the next tick.
import type { OutreachSettings } from '@xiaoer/common/schemas/merchant';
import type { ReportPeriod } from '@xiaoer/common/schemas/report';
import type { Logger } from '../../logging/logger.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { localTime, toMinutes } from '../clock/business-hours.js';
import type { OwnerNotifier } from '../wecom/owner-notifier.js';
import type { ReportSendRepository } from './report-send.repository.js';
import type { ReportService } from './report.service.js';

const PERIOD_TITLE = { day: '昨日经营日报', week: '上周经营周报', month: '上月经营月报' } as const;

export class ReportSendService {
  constructor(
    private d: {
      reports: ReportService;
      sends: ReportSendRepository;
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
      if (!(await this.d.sends.claim(merchantId, period, report.from, now))) continue;
      const giveBack = () => this.d.sends.release(merchantId, period, report.from);
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
        else await giveBack(); // nobody to tell yet: send once an owner is there
      } catch (err) {
        await giveBack(); // the next tick tries again
        this.d.logger.warn({ err: (err as Error).message, period }, 'report send failed');
      }
    }
    return sent;
  }
}
