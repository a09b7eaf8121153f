// The customer-facing scenarios: who is due today and what to say, grounded in their own orders and the shop's menu.
// Texts carry no invented prices or discounts; each still goes through the guardrails before it becomes a draft.
import { DORMANT_AFTER_DAYS, LOST_FACTOR } from '@xiaoer/common/constants/lifecycle';
import type { CustomerScenarioKey } from '@xiaoer/common/constants/scenarios';
import type { OutreachSettings } from '@xiaoer/common/schemas/merchant';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { CustomerRecord, CustomerRepository } from '../customers/customer.repository.js';
import { VisitReader } from '../customers/visit-reader.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { ShopDataRepositories } from '../shop-data/shop-data.js';
import { localServiceScenarios } from './local-service-scenarios.js';
import type { NoticeExpiry } from './notice-expiry.js';
import { classHoursScenario } from './class-hours-scenario.js';
import { bookingNoticeScenarios } from './booking-notice-scenarios.js';
import { tutoringScenarios } from './tutoring-scenarios.js';
import { deliveryCareScenarios } from './delivery-care-scenarios.js';
import { pointsScenario } from './points-scenario.js';
import { activityScenario } from './activity-scenario.js';
import { festivalOfferScenario } from './festival-offer-scenario.js';

const DAY_MS = 86_400_000;
/** An owner approves a few dozen a day, not thousands: the most valuable customers first. */
export const MAX_DRAFTS_PER_RUN = 200;

export interface ScenarioContext {
  merchantId: MerchantId;
  kb: KnowledgeBase;
  now: Date;
  /** merchant-local date, YYYY-MM-DD */
  day: string;
  /** every scenario's switch and knobs */
  settings: OutreachSettings['scenarios'];
}

export interface Candidate {
  customer: CustomerRecord;
  text: string;
  reason: string;
  citedIds: string[];
  /** pieces quoted from the customer's own record (a class's time, the teacher's notes): see draft-check.ts */
  quoted?: string[];
  /** a notice tied to a moment (a class, a booking): when it may no longer be approved or sent (notice-expiry.ts) */
  expires?: NoticeExpiry;
}

export interface Scenario {
  key: CustomerScenarioKey;
  /** do not draft this scenario again for the same customer within this many days */
  repeatAfterDays: number;
  /**
   * When the scan runs it: by default once a day after the owner's run time; a scenario with its own hour gives it
   * (the 20:00 homework reminder); 'continuous' runs on every scan tick, for what must go out at its moment (two
   * hours before a class), each customer drafted at most once a day.
   */
  timing?: 'continuous' | ((settings: OutreachSettings['scenarios']) => string);
  /** throws SourceUnavailable when what it reads is down for now (the weather): the run is retried, not done */
  find(ctx: ScenarioContext): Promise<Candidate[]>;
}

/**
 * What a scenario reads from outside is down for now (the weather source): the scan does not record the day's run as
 * done, so a later tick that day runs it again. "No candidates" would lose the day.
 */
export class SourceUnavailable extends Error {
  override readonly name = 'SourceUnavailable';
}

/** How staff address the customer: their remark, else their WeCom name. */
export const call = (c: CustomerRecord) => c.remark || c.name;
const onSale = (kb: KnowledgeBase, name: string) =>
  kb.products.find((p) => p.name === name && p.available && p.stock !== 0);

export function buildScenarios(deps: {
  orders: OrderRepository;
  customers: CustomerRepository;
  shopData: ShopDataRepositories;
}): Scenario[] {
  // last visits from every kind of record: a salon's bookings or a school's attendance, not orders alone
  const visits = new VisitReader(deps.orders, deps.shopData);
  const dormantWinback: Scenario = {
    key: 'dormant_winback',
    repeatAfterDays: 30,
    async find({ merchantId, kb, now, settings }) {
      const dormantDays = settings.dormant_winback.idleDays ?? DORMANT_AFTER_DAYS[kb.merchant.industry];
      // Customers whose last visit fell in the dormant band (not yet lost), by what they have spent.
      const rows = await visits.lastVisitsBetween(
        merchantId,
        new Date(now.getTime() - dormantDays * LOST_FACTOR * DAY_MS),
        new Date(now.getTime() - dormantDays * DAY_MS),
        MAX_DRAFTS_PER_RUN,
      );
      const [customers, favourites] = await Promise.all([
        deps.customers.findManyByIds(
          merchantId,
          rows.map((r) => r._id),
        ),
        deps.orders.topItemPerCustomer(
          merchantId,
          rows.map((r) => r._id),
        ),
      ]);
      const candidates: Candidate[] = [];
      for (const row of rows) {
        const customer = customers.get(String(row._id));
        if (!customer) continue;
        const idle = Math.floor((now.getTime() - row.last.getTime()) / DAY_MS);
        const favourite = favourites.get(String(row._id));
        const product = favourite && onSale(kb, favourite.name);
        const fresh = kb.products.find((p) => p.tags.includes('新品') && p.available && p.stock !== 0);
        const pick = product ?? fresh;
        candidates.push({
          customer,
          text: product
            ? `${call(customer)}，好久不见～您常点的${product.name}一直都在，最近有空来店里坐坐吧？`
            : fresh
              ? `${call(customer)}，好久不见～店里上了新品${fresh.name}，有空来尝尝？`
              : `${call(customer)}，好久不见～最近有空来店里坐坐吧？`,
          reason: `${idle}天没来了（之前来过${row.visits}次）`,
          citedIds: pick ? [`product:${pick._id}`] : [],
        });
      }
      return candidates;
    },
  };

  const birthday: Scenario = {
    key: 'birthday',
    repeatAfterDays: 300,
    async find({ merchantId, day, settings }) {
      const customers = await deps.customers.withBirthday(merchantId, day.slice(5), MAX_DRAFTS_PER_RUN);
      // a gift is promised only when the owner set one: the message says nothing the shop has not decided to give
      const { gift } = settings.birthday;
      return customers.map((customer) => ({
        customer,
        text: gift
          ? `${call(customer)}，生日快乐🎂！祝您新的一岁天天开心～生日这几天来店里，我们给您准备了${gift}，等您来～`
          : `${call(customer)}，生日快乐🎂！祝您新的一岁天天开心～`,
        reason: gift ? `今天是顾客生日（生日礼：${gift}）` : '今天是顾客生日',
        citedIds: [],
      }));
    },
  };

  return [
    dormantWinback,
    birthday,
    ...localServiceScenarios(deps),
    ...bookingNoticeScenarios(deps),
    classHoursScenario(deps),
    ...tutoringScenarios(deps),
    activityScenario(deps),
    festivalOfferScenario({ ...deps, visits }),
    ...deliveryCareScenarios(deps),
    pointsScenario(deps),
  ];
}
