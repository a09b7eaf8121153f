// Tutoring: a student's course package running low, told to the parent in time to renew without a gap.
import type { Types } from 'mongoose';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { ShopDataRepositories } from '../shop-data/shop-data.js';
import { call, MAX_DRAFTS_PER_RUN, type Scenario } from './scenarios.js';

export function classHoursScenario(deps: {
  customers: CustomerRepository;
  shopData: Pick<ShopDataRepositories, 'packages'>;
}): Scenario {
  return {
    key: 'class_hours_low',
    repeatAfterDays: 14,
    async find({ merchantId, settings, day }) {
      const packages = await deps.shopData.packages.runningLow(
        merchantId,
        settings.class_hours_low.below,
        MAX_DRAFTS_PER_RUN,
      );
      const live = packages.filter((p) => !p.expiresOn || p.expiresOn >= day);
      const customers = await deps.customers.findManyByIds(
        merchantId,
        live.map((p) => p.customerId as Types.ObjectId),
      );
      // one message per family, about the package with the fewest hours left
      const seen = new Set<string>();
      return live.flatMap((p) => {
        const customer = customers.get(String(p.customerId));
        if (!customer || seen.has(String(p.customerId))) return [];
        seen.add(String(p.customerId));
        const child = p.studentName || '孩子';
        const left = p.remainingHours;
        return [
          {
            customer,
            text:
              left > 0
                ? `${call(customer)}您好，${child}的${p.course}还剩${left}节课，为了不打断学习节奏，可以提前安排续课，有任何问题随时问我～`
                : `${call(customer)}您好，${child}的${p.course}课时已经用完了，需要续课的话告诉我，我来帮您安排～`,
            reason: `${child}的${p.course}剩余${left}节`,
            citedIds: [],
          },
        ];
      });
    },
  };
}
