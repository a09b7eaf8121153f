// The one writer of `scenario_runs`: a finished scenario run per merchant, scenario and merchant-local day — the
// scan's "already done" (a unique index makes a second record of the same run a no-op).
import { insertedOnce } from '../../db/duplicate-key.js';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { ScenarioRun, ScenarioRunModel } from './outreach.model.js';

export class ScenarioRunRepository extends TenantRepository<ScenarioRun> {
  constructor(model: ScenarioRunModel) {
    super(model);
  }

  async isDone(merchantId: MerchantId, scenario: string, day: string): Promise<boolean> {
    return !!(await this.model.exists(this.scoped(merchantId, { scenario, day })).exec());
  }

  /** Marks the run done; false when it already was (another worker finished it first). */
  record(merchantId: MerchantId, run: Omit<ScenarioRun, 'merchantId'>): Promise<boolean> {
    return insertedOnce(() => this.model.create({ ...run, merchantId: merchantObjectId(merchantId) }));
  }
}
