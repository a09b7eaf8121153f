// Notices about a customer's own booking at a shop that books services: the reminder the day before, and the news
// that their technician is on leave with another technician offered — one who has done that service here lately and
// is not on leave then — or a new time when there is none. Texts quote no money.
import type { CustomerRepository } from '../customers/customer.repository.js';
import { merchantZone } from '../clock/business-hours.js';
import { addDays, startOfLocalDay } from '../clock/period.js';
import type { ShopDataRepositories } from '../shop-data/shop-data.js';
import type { AppointmentRecord } from '../shop-data/appointment.repository.js';
import { noticeExpiry } from './notice-expiry.js';
import { call, MAX_DRAFTS_PER_RUN, type Candidate, type Scenario } from './scenarios.js';
import { whenLabel } from './tutoring-scenarios.js';

const DAY_MS = 86_400_000;
/** How near another booking must start for a technician to count as busy then (a colouring takes about two hours). */
const BUSY_MARGIN_MS = 2 * 3_600_000;

/** One candidate per customer, for their soonest booking among the rows; customers no longer ours skipped. */
async function perCustomer(
  customers: CustomerRepository,
  merchantId: Parameters<CustomerRepository['findManyByIds']>[0],
  rows: AppointmentRecord[],
  make: (a: AppointmentRecord, c: Candidate['customer']) => Omit<Candidate, 'customer'>,
): Promise<Candidate[]> {
  const first = new Map<string, AppointmentRecord>();
  for (const a of rows) if (a.customerId && !first.has(String(a.customerId))) first.set(String(a.customerId), a);
  const found = await customers.findManyByIds(
    merchantId,
    [...first.values()].map((a) => a.customerId!),
  );
  return [...first.values()].flatMap((a) => {
    const customer = found.get(String(a.customerId));
    return customer ? [{ customer, ...make(a, customer) }] : [];
  });
}

export function bookingNoticeScenarios(deps: {
  customers: CustomerRepository;
  shopData: Pick<ShopDataRepositories, 'appointments' | 'leaves'>;
}): Scenario[] {
  const { appointments, leaves } = deps.shopData;

  const appointmentReminder: Scenario = {
    key: 'appointment_reminder',
    repeatAfterDays: 0,
    timing: (settings) => settings.appointment_reminder.at,
    async find({ merchantId, kb, now, day }) {
      const zone = merchantZone(kb.merchant);
      const tomorrow = await appointments.bookedBetween(
        merchantId,
        startOfLocalDay(addDays(day, 1), zone),
        startOfLocalDay(addDays(day, 2), zone),
        MAX_DRAFTS_PER_RUN,
      );
      return perCustomer(deps.customers, merchantId, tomorrow, (a, c) => {
        const when = whenLabel(a.startAt, now, zone);
        return {
          text: `${call(c)}，提醒一下：您${when}约了${a.service}${a.staffName ? `，${a.staffName}为您服务` : ''}，到时见～时间有变的话随时告诉我。`,
          reason: `${when}约了${a.service}`,
          citedIds: [],
          quoted: [when],
          expires: noticeExpiry(a.startAt, '预约', now, zone),
        };
      });
    },
  };

  const staffLeave: Scenario = {
    key: 'staff_leave',
    // told once about a leave, not again on each of the following days
    repeatAfterDays: 7,
    timing: 'continuous',
    async find({ merchantId, kb, now, settings }) {
      const current = await leaves.notOver(merchantId, now);
      if (!current.length) return [];
      const horizon = new Date(now.getTime() + settings.staff_leave.daysAhead * DAY_MS);
      const [affected, doers] = await Promise.all([
        Promise.all(
          current.map(async (leave) =>
            (
              await appointments.bookedBetween(
                merchantId,
                leave.from > now ? leave.from : now,
                leave.to < horizon ? leave.to : horizon,
                MAX_DRAFTS_PER_RUN,
                leave.staffName,
              )
            ).map((a) => ({ a, leave })),
          ),
        ).then((rows) => rows.flat().sort((x, y) => x.a.startAt.getTime() - y.a.startAt.getTime())),
        appointments.staffByService(merchantId, new Date(now.getTime() - 180 * DAY_MS)),
      ]);
      const onLeaveAt = (name: string, at: Date) =>
        current.some((l) => l.staffName === name && l.from <= at && at < l.to);
      const leaveOf = new Map(affected.map(({ a, leave }) => [String(a._id), leave]));
      // bookings carry no length: a colleague booked within BUSY_MARGIN_MS of the hour is not offered "时间不变"
      const busyAt = new Map(
        await Promise.all(
          affected.map(
            async ({ a }) =>
              [String(a._id), await appointments.staffBusyAround(merchantId, a.startAt, BUSY_MARGIN_MS)] as const,
          ),
        ),
      );
      const zone = merchantZone(kb.merchant);
      return perCustomer(
        deps.customers,
        merchantId,
        affected.map(({ a }) => a),
        (a, c) => {
          const leave = leaveOf.get(String(a._id))!;
          const busy = busyAt.get(String(a._id));
          const others = (doers.get(a.service) ?? []).filter(
            (n) => n !== a.staffName && !onLeaveAt(n, a.startAt) && !busy?.has(n),
          );
          const when = whenLabel(a.startAt, now, zone);
          const offer = others.length
            ? `可以换${others.slice(0, 2).join('或')}为您做${a.service}，时间不变；也可以改个时间。您看哪个方便？`
            : '帮您改个时间好吗？您看什么时候方便？';
          return {
            text: `${call(c)}，很抱歉通知您：${a.staffName}这几天请假，您${when}约的${a.service}需要调整一下。${offer}`,
            reason: `${leave.staffName}请假，${a.service}约在${when}${others.length ? `，可换${others.slice(0, 2).join('或')}` : ''}`,
            citedIds: [],
            quoted: [when],
            expires: noticeExpiry(a.startAt, '预约', now, zone),
          };
        },
      );
    },
  };

  return [appointmentReminder, staffLeave];
}
