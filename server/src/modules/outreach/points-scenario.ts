// A shop's members told, in the last days of the month, of their points that lapse by its end (the member system's
// 积分到期 batches through the intake): how many and on which day, nothing the records do not hold — no rule of how
// points are used, which is the shop's to say.
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { ShopDataRepositories } from '../shop-data/shop-data.js';
import { addDays } from '../clock/period.js';
import { call, MAX_DRAFTS_PER_RUN, type Scenario } from './scenarios.js';
import { monthDay } from './tutoring-scenarios.js';

/** The last day of the month of a local date: "2026-12-20" → "2026-12-31". */
const monthEnd = (day: string) => addDays(`${addDays(`${day.slice(0, 8)}28`, 4).slice(0, 8)}01`, -1);

export function pointsScenario(deps: {
  customers: CustomerRepository;
  shopData: Pick<ShopDataRepositories, 'points'>;
}): Scenario {
  return {
    key: 'points_expiring',
    // once a month: the run repeats on each of the month's last days
    repeatAfterDays: 20,
    async find({ merchantId, day, settings }) {
      const end = monthEnd(day);
      // from `daysBefore` days before the month's end (the 27th of a 31-day month, with 5)
      if (day <= addDays(end, -settings.points_expiring.daysBefore)) return [];
      const batches = await deps.shopData.points.expiringBetween(merchantId, day, end, MAX_DRAFTS_PER_RUN * 3);
      const byMember = new Map<string, typeof batches>();
      for (const b of batches) byMember.set(String(b.customerId), [...(byMember.get(String(b.customerId)) ?? []), b]);
      const ids = [...byMember.values()].slice(0, MAX_DRAFTS_PER_RUN).map((rows) => rows[0]!.customerId!);
      const found = await deps.customers.findManyByIds(merchantId, ids);
      return ids.flatMap((id) => {
        const customer = found.get(String(id));
        if (!customer) return [];
        const rows = byMember.get(String(id))!;
        const points = rows.reduce((n, r) => n + r.points, 0);
        const [first, last] = [rows[0]!.expiresOn, rows.at(-1)!.expiresOn];
        const when =
          first === last ? `将在${monthDay(first)}到期` : `将在${monthDay(first)}至${monthDay(last)}陆续到期`;
        return [
          {
            customer,
            text: `${call(customer)}，提醒您一下：您有${points}积分${when}，到期前记得用掉哦，有问题随时问我～`,
            reason: `${points}积分${when}`,
            citedIds: [],
          },
        ];
      });
    },
  };
}
