// Keeps the automatic tags true for every customer of a merchant: computes each customer's figures in a few
// aggregations, decides their automatic tags, and writes only what changed — leaving the tags staff set by hand
// alone — then queues the changed customers' WeCom tag push (the same job a sidebar edit uses).
import { BUILT_IN_AUTO_TAGS } from '@xiaoer/common/schemas/tag-rule';
import type { Types } from 'mongoose';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { VisitReader } from '../customers/visit-reader.js';
import { autoTags, highValueThreshold } from './auto-tags.js';
import type { TagRuleRepository } from './tag-rule.repository.js';

const DAY_MS = 86_400_000;

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
    const yearAgo = new Date(now.getTime() - 365 * DAY_MS);
    const keywords = [...new Set(rules.filter((r) => r.enabled && r.keyword).map((r) => r.keyword!))];
    const [customers, figures, items, wrote] = await Promise.all([
      this.d.customers.forTagging(merchantId),
      this.d.visits.figuresSince(merchantId, yearAgo),
      this.d.orders.itemsBoughtSince(
        merchantId,
        [...new Set(rules.filter((r) => r.enabled && r.boughtItem).map((r) => r.boughtItem!))],
        yearAgo,
      ),
      Promise.all(
        keywords.map(
          async (k) =>
            [k, await this.d.kf.customersWhoWrote(merchantId, k, new Date(now.getTime() - 90 * DAY_MS))] as const,
        ),
      ),
    ]);
    const highValueSpend = highValueThreshold([...figures.values()].filter((f) => f.visits >= 2).map((f) => f.spend));
    const managed = new Set<string>([...BUILT_IN_AUTO_TAGS, ...rules.map((r) => r.tag)]);
    const updates: { id: Types.ObjectId; tags: string[] }[] = [];
    for (const c of customers) {
      const f = figures.get(String(c._id));
      const desired = autoTags(
        {
          firstContactAt: c.firstContactAt,
          spend: f?.spend ?? 0,
          visits: f?.visits ?? 0,
          lastVisitAt: f?.last,
          items: items.get(String(c._id)) ?? new Set(),
          keywords: new Set(wrote.filter(([, who]) => c.externalUserId && who.has(c.externalUserId)).map(([k]) => k)),
        },
        rules,
        { industry: merchant.industry, highValueSpend, now },
      );
      const tags = [...c.tags.filter((t) => !managed.has(t)), ...desired];
      if (tags.length !== c.tags.length || tags.some((t) => !c.tags.includes(t))) updates.push({ id: c._id, tags });
    }
    await this.d.customers.bulkSetTags(merchantId, updates);
    const byId = new Map(customers.map((c) => [String(c._id), c]));
    for (const u of updates)
      if (byId.get(String(u.id))?.externalUserId) await this.d.onTagsChanged(merchantId, String(u.id));
    return { customers: customers.length, changed: updates.length };
  }
}
