import type { Container } from '../app/container.js';
import { pushCustomerTagsJob } from '../modules/tags/push-customer-tags.job.js';
import { contactSyncJob } from '../modules/wecom/contacts/contact-sync.job.js';
import { morningSummaryJob } from '../modules/ai/morning-summary.job.js';
import { autoTagJob } from '../modules/tags/auto-tag.job.js';
import { reportsJob } from '../modules/reports/reports.job.js';
import { draftResumeJob, outreachScanJob } from '../modules/outreach/outreach-scan.job.js';
import { alertsJob } from '../modules/alerts/alerts.job.js';
import { groupCalendarJob } from '../modules/groups/group-calendar.job.js';
import { pendingEffectsJob } from '../modules/intake/pending-effects.job.js';
import type { AnyJobDefinition } from './job-definition.js';

/** Every job kind the worker role runs. */
export function jobDefinitions(container: Container): AnyJobDefinition[] {
  return [
    pushCustomerTagsJob(container),
    contactSyncJob(container),
    morningSummaryJob(container),
    outreachScanJob(container),
    draftResumeJob(container),
    reportsJob(container),
    autoTagJob(container),
    alertsJob(container),
    groupCalendarJob(container),
    pendingEffectsJob(container),
  ];
}
