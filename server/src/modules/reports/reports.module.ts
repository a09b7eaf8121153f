// Daily, weekly and monthly reports: served as chart data and sent to the owners when due.
import type { RoutesOf } from '../../http/module-routes.js';
import type { MerchantFanOut } from '../../jobs/per-merchant-job.js';
import type { Logger } from '../../logging/logger.js';
import { VisitReader, type VisitSources } from '../customers/visit-reader.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { OwnerNotifier } from '../wecom/owner-notifier.js';
import type { ReportSendRepository } from './report-send.repository.js';
import { ReportSendService } from './report-send.service.js';
import { ReportScope } from './report-scope.js';
import { reportRoutes } from './report.routes.js';
import { ReportService } from './report.service.js';
import { reportsJob } from './reports.job.js';

/** What the report's figures read (ReportService), and what sending them takes. */
export type ReportsModuleDeps = Omit<ConstructorParameters<typeof ReportService>[0], 'visits' | 'appointments'> & {
  /** bookings, attendance and card uses: visits beside orders */
  shopData: VisitSources;
  fanOut: MerchantFanOut;
  logger: Logger;
  merchants: MerchantRepository;
  reportSends: ReportSendRepository;
  notifier: OwnerNotifier;
  /** a manager's shops: the report they may read */
  staff: Pick<StaffRepository, 'findById'>;
};

export function build(d: ReportsModuleDeps) {
  const { orders, customers, decisions, drafts, knowledge, kf, alerts } = d;
  const visits = new VisitReader(orders, d.shopData);
  const service = new ReportService({
    orders,
    visits,
    customers,
    decisions,
    drafts,
    knowledge,
    kf,
    alerts,
    appointments: d.shopData.appointments,
  });
  const sender = new ReportSendService({
    reports: service,
    sends: d.reportSends,
    notifier: d.notifier,
    logger: d.logger,
  });
  const scope = new ReportScope({ staff: d.staff, knowledge });
  const routes: RoutesOf = () => ({ api: [reportRoutes(service, scope)] });
  const jobs = [reportsJob({ ...d.fanOut, merchants: d.merchants, sender })];
  return { service, sender, routes, jobs };
}
