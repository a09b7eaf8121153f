// A festival's packages to the shop's regular customers a few days before it: the festival from the product's
// calendar (FESTIVALS), the packages only as the shop entered them (festival-offers intake) — no package entered, no
// message; nothing is promised beyond what the record says.
import { FESTIVALS } from '@xiaoer/common/constants/scenarios';
import { yuanText } from '@xiaoer/common/money';
import { merchantZone } from '../clock/business-hours.js';
import { addDays, startOfLocalDay } from '../clock/period.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { VisitReader } from '../customers/visit-reader.js';
import type { FestivalOfferRecord } from '../shop-data/festival-offer.repository.js';
import type { ShopDataRepositories } from '../shop-data/shop-data.js';
import { noticeExpiry } from './notice-expiry.js';
import { call, MAX_DRAFTS_PER_RUN, type Candidate, type Scenario } from './scenarios.js';
import { monthDay } from './tutoring-scenarios.js';

const DAY_MS = 86_400_000;
/** who is told: customers with a visit of any kind in the last half year */
const REGULAR_DAYS = 180;

const offerLine = (o: FestivalOfferRecord) => {
  const details = [o.price !== undefined ? `${yuanText(o.price)}元` : '', o.content ?? ''].filter(Boolean).join('，');
  return `「${o.name}」${details ? `（${details}）` : ''}`;
};

export function festivalOfferText(
  festival: { name: string; date: string },
  offers: FestivalOfferRecord[],
  who: string,
) {
  return `${who}您好，${monthDay(festival.date)}${festival.name}快到了，店里准备了节日套餐：${offers.map(offerLine).join('、')}。想预约直接回复我。`;
}

export function festivalOfferScenario(deps: {
  customers: CustomerRepository;
  shopData: Pick<ShopDataRepositories, 'festivalOffers'>;
  visits: Pick<VisitReader, 'lastVisitsBetween'>;
}): Scenario {
  return {
    key: 'festival_offer',
    // one festival's message, not one on each day before it
    repeatAfterDays: 14,
    async find({ merchantId, kb, now, day, settings }) {
      const zone = merchantZone(kb.merchant);
      const lastDay = addDays(day, settings.festival_offer.daysAhead);
      const coming = FESTIVALS.filter((f) => f.date > day && f.date <= lastDay);
      for (const festival of coming) {
        const offers = await deps.shopData.festivalOffers.forFestival(merchantId, festival.name);
        if (!offers.length) continue; // only packages the shop entered are named
        const regulars = await deps.visits.lastVisitsBetween(
          merchantId,
          new Date(now.getTime() - REGULAR_DAYS * DAY_MS),
          now,
          MAX_DRAFTS_PER_RUN,
        );
        const found = await deps.customers.findManyByIds(
          merchantId,
          regulars.map((r) => r._id),
        );
        return regulars.flatMap((r): Candidate[] => {
          const customer = found.get(String(r._id));
          if (!customer) return [];
          return [
            {
              customer,
              text: festivalOfferText(festival, offers, call(customer)),
              reason: `${festival.name}（${monthDay(festival.date)}）节日套餐`,
              citedIds: [],
              // the festival's packages are no use once it has begun
              expires: noticeExpiry(startOfLocalDay(festival.date, zone), festival.name, now, zone, false),
              // the shop's own package records: their names, prices and contents are not the menu's
              quoted: offers.flatMap((o) => [
                o.name,
                o.price !== undefined ? `${yuanText(o.price)}元` : '',
                o.content ?? '',
              ]),
            },
          ];
        });
      }
      return [];
    },
  };
}
