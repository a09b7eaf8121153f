import { perMerchantJob, type MerchantFanOut } from '../../jobs/per-merchant-job.js';
import type { CampaignResultsReader } from './campaign-results.js';
import type { CampaignService } from './campaign.service.js';

export const CAMPAIGN_SCHEDULE = 'campaigns.send-due';
export const CAMPAIGN_RESULTS = 'campaigns.results';

/** Each merchant's scheduled campaigns whose time has come, sent (each taken up atomically: one worker sends it). */
export const campaignScheduleJob = (d: MerchantFanOut & { campaigns: Pick<CampaignService, 'sendDue'> }) =>
  perMerchantJob(d, { name: CAMPAIGN_SCHEDULE, every: '1 minute', run: (m) => d.campaigns.sendDue(m) });

/** Each merchant's recent campaigns read back from WeCom and the shop's records (recomputed whole: idempotent). */
export const campaignResultsJob = (d: MerchantFanOut & { results: Pick<CampaignResultsReader, 'refreshRecent'> }) =>
  perMerchantJob(d, { name: CAMPAIGN_RESULTS, every: '30 minutes', run: (m) => d.results.refreshRecent(m) });
