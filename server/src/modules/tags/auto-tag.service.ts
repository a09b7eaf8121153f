// Keeps the automatic tags true for every customer of a merchant: computes each customer's figures in a few
// aggregations, decides their automatic tags, and writes only what changed — leaving the tags staff set by hand
// alone — then queues the changed customers' WeCom tag push (the same job a sidebar edit uses).
import type { LifecycleStage } from '@xiaoer/common/constants/lifecycle';
import { BUILT_IN_AUTO_TAGS, type TagRuleInput } from '@xiaoer/common/schemas/tag-rule';
import type { Types } from 'mongoose';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { VisitReader } from '../customers/visit-reader.js';
import { lifecycleStage } from '../customers/customer-insights.js';
import { autoTags, highValueThreshold, matchesRule, type CustomerFigures } from './auto-tags.js';
import type { TagRuleRepository } from './tag-rule.repository.js';

const DAY_MS = 86_400_000;

type TaggedFigures = CustomerFigures &
  Pick<Awaited<ReturnType<CustomerRepository['forTagging']>>[number], '_id' | 'tags' | 'lifecycle' | 'externalUserId'>;

export class AutoTagService {
  constructor(
    private d: {
      rules: Pick<TagRuleRepository, 'list'>;
      customers: CustomerRepository;
      orders: OrderRepository;
      /** visits of every kind (orders, bookings, classes, card uses): the visit and idle-day rules */
      visits: Pick<VisitReader, 'figuresSince'>;
      merchants: MerchantRepository;
      kf: KfRepository;
      /** queues the WeCom push of one customer's tags */
      onTagsChanged: (merchantId: MerchantId, customerId: string) => Promise<unknown>;
    },
  ) {}

  async apply(merchantId: MerchantId, now = new Date()): Promise<{ customers: number; changed: number }> {
    const merchant = await this.d.merchants.findById(merchantId);
    if (!merchant) return { customers: 0, changed: 0 };
    const rules = await this.d.rules.list(merchantId);
    const customers = await this.figures(merchantId, rules, now);
    const highValueSpend = highValueThreshold(customers.filter((c) => c.visits >= 2).map((c) => c.spend));
    const managed = new Set<string>([...BUILT_IN_AUTO_TAGS, ...rules.map((r) => r.tag)]);
    const updates: { id: Types.ObjectId; tags?: string[]; lifecycle?: LifecycleStage }[] = [];
    let changed = 0;
    for (const c of customers) {
      const desired = autoTags(c, rules, { industry: merchant.industry, highValueSpend, now });
      const tags = [...c.tags.filter((t) => !managed.has(t)), ...desired];
      const retag = tags.length !== c.tags.length || tags.some((t) => !c.tags.includes(t));
      // the stage is kept with the tags so the customer list can filter by it (the profile computes its own, live)
      const lifecycle = lifecycleStage(c.visits, c.lastVisitAt ?? c.firstContactAt, merchant.industry, now);
      const restage = lifecycle !== c.lifecycle;
      if (retag) changed++;
      if (retag || restage) updates.push({ id: c._id, ...(retag && { tags }), ...(restage && { lifecycle }) });
    }
    await this.d.customers.bulkSetTags(merchantId, updates);
    const byId = new Map(customers.map((c) => [String(c._id), c]));
    for (const u of updates)
      if (u.tags && byId.get(String(u.id))?.externalUserId) await this.d.onTagsChanged(merchantId, String(u.id));
    return { customers: customers.length, changed };
  }

  /**
   * How many of the merchant's customers a rule (as the owner is writing it, not yet saved) would tag now: the same
   * figures and test as apply, so the count is what the next apply does.
   */
  async preview(
    merchantId: MerchantId,
    rule: TagRuleInput,
    now = new Date(),
  ): Promise<{ customers: number; matches: number }> {
    const draft = { ...rule, enabled: true }; // a rule saved switched off still previews what it would tag
    const customers = await this.figures(merchantId, [draft], now);
    return { customers: customers.length, matches: customers.filter((c) => matchesRule(c, draft, now)).length };
  }

  /** Every customer of the merchant with the figures the rules read (spend and visits over the year, items, words). */
  private async figures(merchantId: MerchantId, rules: TagRuleInput[], now: Date): Promise<TaggedFigures[]> {
    const yearAgo = new Date(now.getTime() - 365 * DAY_MS);
    const live = rules.filter((r) => r.enabled);
    const keywords = [...new Set(live.filter((r) => r.keyword).map((r) => r.keyword!))];
    const [customers, figures, items, wrote] = await Promise.all([
      this.d.customers.forTagging(merchantId),
      this.d.visits.figuresSince(merchantId, yearAgo),
      this.d.orders.itemsBoughtSince(
        merchantId,
        [...new Set(live.filter((r) => r.boughtItem).map((r) => r.boughtItem!))],
        yearAgo,
      ),
      Promise.all(
        keywords.map(
          async (k) =>
            [k, await this.d.kf.customersWhoWrote(merchantId, k, new Date(now.getTime() - 90 * DAY_MS))] as const,
        ),
      ),
    ]);
    return customers.map((c) => {
      const f = figures.get(String(c._id));
      return {
        ...c,
        spend: f?.spend ?? 0,
        visits: f?.visits ?? 0,
        lastVisitAt: f?.last,
        items: items.get(String(c._id)) ?? new Set(),
        keywords: new Set(wrote.filter(([, who]) => c.externalUserId && who.has(c.externalUserId)).map(([k]) => k)),
      };
    });
  }
}
