// Group sends: WeCom's 群发 tasks, created for a staff member to confirm.
import type { MerchantFanOut } from '../../jobs/per-merchant-job.js';
import type { RoutesOf } from '../../http/module-routes.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { Wecom } from '../wecom/wecom.module.js';
import type { GroupSendRepository } from './group-send.repository.js';
import { groupSendRoutes } from './group-send.routes.js';
import { GroupSendService } from './group-send.service.js';
import { groupSendWithdrawalJob } from './group-send-withdrawal.job.js';

export interface CampaignsModuleDeps {
  groupSends: GroupSendRepository;
  customers: CustomerRepository;
  staff: StaffRepository;
  wecom: Pick<Wecom, 'apps' | 'client'>;
  /** the retry of withdrawals visits every merchant; a failure is logged there */
  fanOut: MerchantFanOut;
}

export function build(d: CampaignsModuleDeps) {
  const service = new GroupSendService(
    d.groupSends,
    d.customers,
    d.staff,
    d.wecom.apps,
    d.wecom.client,
    d.fanOut.logger,
  );
  const routes: RoutesOf = () => ({ api: [groupSendRoutes(service)] });
  const jobs = [groupSendWithdrawalJob({ ...d.fanOut, groupSends: service })];
  return { service, routes, jobs };
}
