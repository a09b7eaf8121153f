// The one writer of `report_sends`: each report send is claimed once per merchant, period and start date, so two
// workers or a rerun send it once; a send that did not happen gives its claim back for the next tick.
import type { ReportPeriod } from '@xiaoer/common/schemas/report';
import { insertedOnce } from '../../db/duplicate-key.js';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { ReportSend, ReportSendModel } from './report-send.model.js';

export class ReportSendRepository extends TenantRepository<ReportSend> {
  constructor(model: ReportSendModel) {
    super(model);
  }

  /** True when this caller now owns the send; false when it was already claimed (sent, or being sent). */
  claim(merchantId: MerchantId, period: ReportPeriod, from: string, at: Date): Promise<boolean> {
    return insertedOnce(() => this.model.create({ merchantId: merchantObjectId(merchantId), period, from, at }));
  }

  /** Gives the claim back: the next tick tries again. */
  async release(merchantId: MerchantId, period: ReportPeriod, from: string): Promise<void> {
    await this.model.deleteOne(this.scoped(merchantId, { period, from })).exec();
  }
}
