import { perMerchantJob, type MerchantFanOut } from '../../jobs/per-merchant-job.js';
import type { GroupSendService } from './group-send.service.js';

export const GROUP_SEND_WITHDRAWAL_RETRY = 'group-sends.withdrawal-retry';

export interface GroupSendWithdrawalJobDeps extends MerchantFanOut {
  groupSends: Pick<GroupSendService, 'retryWithdrawals'>;
}

/** Each merchant's group sends an opt-out could not withdraw, tried again (a claimed task is never remade twice). */
export const groupSendWithdrawalJob = (d: GroupSendWithdrawalJobDeps) =>
  perMerchantJob(d, {
    name: GROUP_SEND_WITHDRAWAL_RETRY,
    every: '10 minutes',
    run: (merchantId) => d.groupSends.retryWithdrawals(merchantId),
  });
