import type { ReportPeriod } from '@xiaoer/common/schemas/report';
import { Schema, type Connection, type Types } from 'mongoose';

/** The claim of one report send: a merchant's report for a period starting on a merchant-local date. */
export interface ReportSend {
  merchantId: Types.ObjectId;
  period: ReportPeriod;
  /** the period's first merchant-local date, YYYY-MM-DD */
  from: string;
  at: Date;
}

const sendSchema = new Schema<ReportSend>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  period: String,
  from: String,
  at: Date,
});
// One send per merchant, period and start date.
sendSchema.index({ merchantId: 1, period: 1, from: 1 }, { unique: true });

export const reportSendModel = (conn: Connection) => conn.model<ReportSend>('ReportSend', sendSchema, 'report_sends');
export type ReportSendModel = ReturnType<typeof reportSendModel>;
