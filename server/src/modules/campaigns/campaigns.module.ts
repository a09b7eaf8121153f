// Group sends: WeCom's 群发 tasks, created for a staff member to confirm.
import type { MerchantFanOut } from '../../jobs/per-merchant-job.js';
import type { RoutesOf } from '../../http/module-routes.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import { VisitReader, type VisitSources } from '../customers/visit-reader.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { Wecom } from '../wecom/wecom.module.js';
import type { RedisLock } from '../../redis/lock.js';
import { CampaignAudienceReckoner, type AudienceDeps } from './campaign-audience.js';
import { campaignResultsJob, campaignScheduleJob } from './campaign.jobs.js';
import type { CampaignRepository } from './campaign.repository.js';
import { CampaignResultsReader, type CampaignResultsDeps } from './campaign-results.js';
import { campaignRoutes } from './campaign.routes.js';
import { CampaignService, type CampaignServiceDeps } from './campaign.service.js';
import { CampaignTasks } from './campaign-tasks.js';
import type { GroupSendRepository } from './group-send.repository.js';
import { groupSendRoutes } from './group-send.routes.js';
import { GroupSendService } from './group-send.service.js';
import { groupSendWithdrawalJob } from './group-send-withdrawal.job.js';

/** A campaign's picture is changed on the campaign itself, not in the scripts library. */
const CAMPAIGN_IMAGE = { name: '群发图片', fix: '请换一张能打开的图片，或换个图片地址' };

export interface CampaignsModuleDeps {
  groupSends: GroupSendRepository;
  campaigns: CampaignRepository;
  customers: CustomerRepository;
  staff: StaffRepository;
  wecom: Pick<Wecom, 'apps' | 'client' | 'media'>;
  /** the retry of withdrawals visits every merchant; a failure is logged there */
  fanOut: MerchantFanOut;
  locks: RedisLock;
  /** what a campaign's audience is reckoned from; the shop data (bookings, classes, card uses) is late-bound */
  audience: Pick<AudienceDeps, 'groupChats' | 'drafts' | 'merchants'> & {
    orders: AudienceDeps['orders'] & ConstructorParameters<typeof VisitReader>[0] & CampaignResultsDeps['orders'];
    shopData: () => VisitSources;
  };
  /** who wrote back after a campaign (the results) */
  messages: CampaignResultsDeps['messages'];
  /** a scheduled campaign finally failed: the owner is alerted (the alerts module, built later) */
  onCampaignFailed: CampaignServiceDeps['onFailed'];
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
  const { shopData, ...sources } = d.audience;
  const audience = new CampaignAudienceReckoner({
    ...sources,
    visits: { figuresSince: (m, since) => new VisitReader(sources.orders, shopData()).figuresSince(m, since) },
    customers: d.customers,
    staff: d.staff,
    groupSends: service,
  });
  const tasks = new CampaignTasks({ audience, groupSends: service, locks: d.locks });
  const campaigns = new CampaignService({
    audience,
    tasks,
    campaigns: d.campaigns,
    merchants: d.audience.merchants,
    groupSends: service,
    staff: d.staff,
    imageMedia: (merchantId, url) => d.wecom.media.imageMediaId(merchantId, url, CAMPAIGN_IMAGE),
    logger: d.fanOut.logger,
    onFailed: d.onCampaignFailed,
  });
  const results = new CampaignResultsReader({
    campaigns: d.campaigns,
    groupSends: service,
    orders: d.audience.orders,
    messages: d.messages,
  });
  const routes: RoutesOf = () => ({ api: [groupSendRoutes(service), campaignRoutes(campaigns)] });
  const jobs = [
    groupSendWithdrawalJob({ ...d.fanOut, groupSends: service }),
    campaignScheduleJob({ ...d.fanOut, campaigns }),
    campaignResultsJob({ ...d.fanOut, results }),
  ];
  return { service, campaigns, results, routes, jobs };
}
