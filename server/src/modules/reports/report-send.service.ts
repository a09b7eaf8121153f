// Sends owners their reports as a WeCom application message (a text card opening the report page): the daily one
// each morning after the merchant's report time, the weekly one on Mondays, the monthly one on the 1st. A
// (merchant, period, start date) document claims each send, so two workers or a rerun send it once; a failed send
// gives the claim back for the next tick.
import { Schema, type Connection } from 'mongoose';
import type { ReportPeriod } from '@xiaoer/common/schemas/report';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { Logger } from '../../logging/logger.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import { localTime } from '../ai/business-hours.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { ContactsApi } from '../wecom/api/contacts-api.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import type { ReportService } from './report.service.js';

export const REPORT_SEND_AT_MINUTES = 8 * 60;
const PERIOD_TITLE = { day: '昨日经营日报', week: '上周经营周报', month: '上月经营月报' } as const;

const sendSchema = new Schema({ merchantId: { type: Schema.Types.ObjectId, required: true }, period: String, from: String, at: Date });
// One send per merchant, period and start date.
sendSchema.index({ merchantId: 1, period: 1, from: 1 }, { unique: true });
export const reportSendModel = (conn: Connection) => conn.model('ReportSend', sendSchema, 'report_sends');

export class ReportSendService {
  constructor(
    private d: {
      reports: ReportService;
      sends: ReturnType<typeof reportSendModel>;
      apps: WecomAppRepository;
      staff: StaffRepository;
      contacts: ContactsApi;
      logger: Logger;
      /** where the text card opens the report (the owner's console) */
      reportUrl: (period: ReportPeriod) => string;
    },
  ) {}

  /** Sends whatever is due for this merchant now; returns the periods sent. */
  async sendDue(merchantId: MerchantId, timezone: string, now = new Date()): Promise<ReportPeriod[]> {
    const local = localTime(now, timezone);
    if (local.minutes < REPORT_SEND_AT_MINUTES) return [];
    const due: ReportPeriod[] = ['day', ...(local.weekday === 1 ? (['week'] as const) : []), ...(local.date.endsWith('-01') ? (['month'] as const) : [])];
    const app = await this.d.apps.findByMerchant(merchantId);
    const owners = (await this.d.staff.list(merchantId)).filter((s) => s.role === 'owner' && s.active);
    if (!app || !owners.length) return [];
    const sent: ReportPeriod[] = [];
    for (const period of due) {
      const report = await this.d.reports.build(merchantId, period, undefined, now);
      const claim = { merchantId: merchantObjectId(merchantId), period, from: report.from };
      const claimed = await this.d.sends.create({ ...claim, at: now }).then(
        () => true,
        (err: unknown) => (isDuplicateKey(err) ? false : Promise.reject(err)),
      );
      if (!claimed) continue;
      try {
        await this.d.contacts.sendAppTextCard(
          app,
          owners.map((o) => o.wecomUserId),
          { title: PERIOD_TITLE[period], description: [report.summary, ...report.actions.map((a, i) => `${i + 1}. ${a}`)].join('\n').slice(0, 500), url: this.d.reportUrl(period) },
        );
        sent.push(period);
      } catch (err) {
        await this.d.sends.deleteOne(claim).exec(); // the next tick tries again
        this.d.logger.warn({ err: (err as Error).message, period }, 'report send failed');
      }
    }
    return sent;
  }
}
