// Composition of the worker's job kinds: each job gets only the few dependencies it uses.
import type { AnyJobDefinition } from '../jobs/job-definition.js';
import type { MerchantFanOut } from '../jobs/per-merchant-job.js';
import { pushCustomerTagsJob } from '../modules/tags/push-customer-tags.job.js';
import { contactSyncJob } from '../modules/wecom/contacts/contact-sync.job.js';
import { morningSummaryJob } from '../modules/ai/morning-summary.job.js';
import { autoTagJob } from '../modules/tags/auto-tag.job.js';
import { reportsJob } from '../modules/reports/reports.job.js';
import { draftResumeJob, outreachScanJob } from '../modules/outreach/outreach-scan.job.js';
import { alertsJob } from '../modules/alerts/alerts.job.js';
import { groupCalendarJob } from '../modules/groups/group-calendar.job.js';
import { pendingEffectsJob } from '../modules/intake/pending-effects.job.js';
import type { Container } from './container.js';

/** Every job kind the worker role runs. */
export function jobDefinitions(c: Container): AnyJobDefinition[] {
  // the per-merchant jobs visit every merchant connected to WeCom
  const fanOut: MerchantFanOut = { merchantIds: () => c.wecom.apps.merchantIds(), logger: c.logger };
  return [
    pushCustomerTagsJob({ apps: c.wecom.apps, tags: c.wecom.tags }),
    contactSyncJob({ apps: c.wecom.apps, locks: c.locks, contactSync: c.wecom.contactSync }),
    morningSummaryJob({ ...fanOut, morningSummary: c.ai.morningSummary }),
    outreachScanJob({ ...fanOut, scan: c.outreach.scan, drafts: c.outreach.drafts }),
    draftResumeJob({ drafts: c.outreach.drafts }),
    reportsJob({ ...fanOut, merchants: c.repositories.merchants, sender: c.reports.sender }),
    autoTagJob({ ...fanOut, autoTags: c.autoTags }),
    alertsJob({ ...fanOut, alerts: c.alerts.owner }),
    groupCalendarJob({ ...fanOut, merchants: c.repositories.merchants, groupPosts: c.groupPosts, weather: c.weather }),
    pendingEffectsJob({ shopData: c.shopData, logger: c.logger }),
  ];
}
