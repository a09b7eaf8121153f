// Scenarios of shops that book services (salons, nails, pet grooming): the next visit when the customer's own cycle
// comes round, a card running low, and how the service went the day after. Texts quote no money (balances are the
// customer's own data, not the menu's), so the guardrails have nothing to refuse.
import type { Types } from 'mongoose';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { ShopDataRepositories } from '../shop-data/shop-data.js';
import { isDueForReminder, serviceCycle } from './cycles.js';
import { call, MAX_DRAFTS_PER_RUN, type Candidate, type Scenario } from './scenarios.js';

const DAY_MS = 86_400_000;

export function localServiceScenarios(deps: {
  customers: CustomerRepository;
  orders: OrderRepository;
  shopData: Pick<ShopDataRepositories, 'appointments' | 'cards'>;
}): Scenario[] {
  const { appointments, cards } = deps.shopData;

  /** Candidates for the customers found, in the order found, skipping any no longer ours. */
  async function forCustomers<T extends { customerId: Types.ObjectId }>(
    merchantId: Parameters<CustomerRepository['findManyByIds']>[0],
    rows: T[],
    make: (row: T, c: Candidate['customer']) => Omit<Candidate, 'customer'> | null,
  ) {
    const customers = await deps.customers.findManyByIds(
      merchantId,
      rows.map((r) => r.customerId),
    );
    return rows.flatMap((row) => {
      const customer = customers.get(String(row.customerId));
      const made = customer && make(row, customer);
      return made ? [{ customer, ...made }] : [];
    });
  }

  const appointmentCycle: Scenario = {
    key: 'appointment_cycle',
    // one reminder per cycle: the due window is twelve days long
    repeatAfterDays: 14,
    async find({ merchantId, now, settings }) {
      const [history, upcoming] = await Promise.all([
        appointments.completedVisitsByService(merchantId, new Date(now.getTime() - 365 * DAY_MS), now),
        appointments.customersBookedFrom(merchantId, now),
      ]);
      const booked = new Set(upcoming.map(String));
      // per customer, the service most overdue
      const due = new Map<
        string,
        {
          customerId: Types.ObjectId;
          service: string;
          last: Date;
          cycle: ReturnType<typeof serviceCycle>;
          staff?: string;
          overdue: number;
        }
      >();
      for (const h of history) {
        if (booked.has(String(h._id.c))) continue;
        const last = h.visits.at(-1)!;
        const cycle = serviceCycle(h.visits, h._id.s, settings.appointment_cycle.defaultCycleDays);
        if (!isDueForReminder(last, cycle, now)) continue;
        const overdue = (now.getTime() - last.getTime()) / DAY_MS - cycle.days;
        const prev = due.get(String(h._id.c));
        if (!prev || overdue > prev.overdue)
          due.set(String(h._id.c), {
            customerId: h._id.c,
            service: h._id.s,
            last,
            cycle,
            staff: h.staff.at(-1) ?? undefined,
            overdue,
          });
      }
      const rows = [...due.values()].sort((a, b) => b.overdue - a.overdue).slice(0, MAX_DRAFTS_PER_RUN);
      return forCustomers(merchantId, rows, (r, c) => {
        const days = Math.floor((now.getTime() - r.last.getTime()) / DAY_MS);
        return {
          text: `${call(c)}，距离上次${r.service}已经${days}天啦，差不多该来打理一下了～需要帮您约个时间吗？${r.staff ? `还是约${r.staff}吗？` : ''}`,
          reason: `上次${r.service}是${days}天前，${r.cycle.learned ? '按TA自己的到店间隔' : '按这个项目的常见周期'}约${r.cycle.days}天一次`,
          citedIds: [],
        };
      });
    },
  };

  const memberCardLow: Scenario = {
    key: 'member_card_low',
    repeatAfterDays: 30,
    async find({ merchantId, now, settings }) {
      const { visitsLeft: enough } = settings.member_card_low;
      const held = await cards.heldByCustomers(merchantId, 5000);
      if (!held.length) return [];
      // what a visit usually costs each card holder: their completed appointments, else their orders
      const since = new Date(now.getTime() - 365 * DAY_MS);
      const ids = held.map((c) => c.customerId!);
      const [perVisit, fromOrders] = await Promise.all([
        appointments.averageSpend(merchantId, ids, since),
        deps.orders.figuresSince(merchantId, since),
      ]);
      const low = held.flatMap((card) => {
        const id = String(card.customerId);
        const order = fromOrders.get(id);
        const usual = perVisit.get(id) ?? (order && order.visits ? order.spend / order.visits : undefined);
        const visits = card.visitsLeft ?? (usual ? Math.floor(card.balance / usual) : undefined);
        return visits !== undefined && visits < enough ? [{ customerId: card.customerId!, card, visits }] : [];
      });
      return forCustomers(
        merchantId,
        low.sort((a, b) => a.visits - b.visits).slice(0, MAX_DRAFTS_PER_RUN),
        ({ card, visits }, c) => ({
          text:
            visits === 0
              ? `${call(c)}，您的${card.cardName}已经用完啦，下次来店时可以顺便续上，有需要随时找我～`
              : `${call(c)}，您的${card.cardName}${card.visitsLeft !== undefined ? `还剩${visits}次` : `余额大约还够${visits}次`}，下次来店时可以顺便续一下，有需要随时找我～`,
          reason:
            card.visitsLeft !== undefined
              ? `${card.cardName}还剩${visits}次`
              : `${card.cardName}余额约够${visits}次消费`,
          citedIds: [],
        }),
      );
    },
  };

  const afterService: Scenario = {
    key: 'after_service',
    repeatAfterDays: 3,
    async find({ merchantId, now, settings }) {
      // Services that finished between a day and `hours` ago and a day earlier: the daily run sees each one once.
      const end = new Date(now.getTime() - settings.after_service.hours * 3600_000);
      const rows = await appointments.completedBetween(
        merchantId,
        new Date(end.getTime() - DAY_MS),
        end,
        MAX_DRAFTS_PER_RUN,
      );
      const latest = new Map(rows.map((r) => [String(r.customerId), r])); // newest first: keep one per customer
      return forCustomers(
        merchantId,
        [...latest.values()].reverse() as ((typeof rows)[number] & { customerId: Types.ObjectId })[],
        (a, c) => ({
          text: `${call(c)}，${a.service}做完这一天感觉怎么样？有任何不满意的地方随时告诉我们～满意的话，也欢迎给我们写个好评😊`,
          reason: `${a.service}完成约${Math.round((now.getTime() - a.startAt.getTime()) / 3600_000)}小时`,
          citedIds: [],
        }),
      );
    },
  };

  return [appointmentCycle, memberCardLow, afterService];
}
