// Who a campaign (群发) reaches: the audience (tags, lifecycle stage, group layer, last visit) narrowed to the customers
// who may receive it now, each under the staff member who follows them, and the others with the reason they are left
// out. The preview and the send both call reckon(), so what the owner confirms is what is sent.
//
// Left out, in this order: consent (opted out, not a WeCom contact, deleted the staff member), no active staff
// member follows them (a WeCom task is always some member's), the merchant's contact policy (the weekly cap and the
// cool-down after unanswered messages, counting drafts and group sends alike), and WeCom's own per-customer cap on
// group messages (GROUP_SEND_CAPS), which would otherwise fail the customer silently after the staff member confirms.
import { GROUP_SEND_CAPS } from '@xiaoer/common/constants/contact-policy';
import type { GroupLayer } from '@xiaoer/common/constants/groups';
import type { CampaignAudience, CampaignExclusionReason } from '@xiaoer/common/schemas/campaign';
import { resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { lifecycleStage } from '../customers/customer-insights.js';
import type { CampaignCandidate, CustomerRepository } from '../customers/customer.repository.js';
import type { VisitReader } from '../customers/visit-reader.js';
import type { GroupChatRepository } from '../groups/group.repository.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import { consentVerdict, policyVerdict, type RecentMessage } from '../outreach/contact-policy.js';
import type { DraftRepository } from '../outreach/draft.repository.js';
import type { StaffRecord, StaffRepository } from '../staff/staff.repository.js';
import type { GroupSendService } from './group-send.service.js';

const DAY = 86_400_000;
/** The most customers one campaign reads; a small shop has thousands. */
export const AUDIENCE_LIMIT = 20_000;
const EPOCH = new Date(0);

export interface AudienceDeps {
  customers: Pick<CustomerRepository, 'forCampaign'>;
  groupChats: Pick<GroupChatRepository, 'liveInLayers'>;
  visits: Pick<VisitReader, 'figuresSince'>;
  orders: Pick<OrderRepository, 'lastOrderAt'>;
  drafts: Pick<DraftRepository, 'recentFor'>;
  groupSends: Pick<GroupSendService, 'sentToSince'>;
  merchants: Pick<MerchantRepository, 'findById'>;
  staff: Pick<StaffRepository, 'list'>;
}

export interface Reckoning {
  matched: number;
  /** by staff id: the member and the customers they will send it to, in the order read */
  bySender: Map<string, { staff: StaffRecord; customers: CampaignCandidate[] }>;
  excluded: Map<CampaignExclusionReason, CampaignCandidate[]>;
}

export class CampaignAudienceReckoner {
  constructor(private d: AudienceDeps) {}

  /**
   * The audience as it stands at `now`. `ownKeyPrefix`: this campaign's own tasks (a retried send) do not count
   * against the caps of the customers they name, so a retry reckons the same recipients and finds its tasks by key.
   */
  async reckon(
    merchantId: MerchantId,
    audience: CampaignAudience,
    now: Date,
    ownKeyPrefix?: string,
  ): Promise<Reckoning> {
    const matched = await this.match(merchantId, audience, now);
    const ids = matched.map((c) => c._id);
    const externalIds = matched.map((c) => c.externalUserId).filter((id): id is string => Boolean(id));
    const merchant = await this.d.merchants.findById(merchantId);
    const { policy } = resolveOutreachSettings(merchant?.outreach, merchant?.industry ?? '餐饮');
    const since = new Date(now.getTime() - Math.max(30, policy.coolDownDays) * DAY);
    const [staff, drafts, tasks, visits] = await Promise.all([
      this.d.staff.list(merchantId),
      this.d.drafts.recentFor(merchantId, ids, since),
      externalIds.length ? this.d.groupSends.sentToSince(merchantId, externalIds, since) : [],
      // a visit of any kind answers a message (the cool-down), as in the scan and 为什么没联系他
      this.d.visits.figuresSince(merchantId, since),
    ]);
    const staffById = new Map(staff.map((s) => [String(s._id), s]));
    const ownTasks = tasks.filter((t) => !(ownKeyPrefix && t.key?.startsWith(ownKeyPrefix)));
    const recentDrafts = new Map<string, RecentMessage[]>();
    for (const r of drafts) push(recentDrafts, String(r.customerId), r);

    const reckoning: Reckoning = { matched: matched.length, bySender: new Map(), excluded: new Map() };
    for (const c of matched) {
      const sender = c.followStaffIds.map((id) => staffById.get(String(id))).find(Boolean);
      const theirTasks = c.externalUserId ? ownTasks.filter((t) => t.externalUserIds.includes(c.externalUserId!)) : [];
      // a draft's own task is the draft itself (already among the drafts): counted once
      const recent = [
        ...(recentDrafts.get(String(c._id)) ?? []),
        ...theirTasks
          .filter((t) => !t.key?.startsWith('draft-'))
          .map((t) => ({ createdAt: t.createdAt, status: 'sent' })),
      ];
      const reason: CampaignExclusionReason | null =
        consentVerdict(c) ??
        (sender ? null : 'no_follow_staff') ??
        (policyVerdict(c, recent, visits.get(String(c._id))?.last, policy, now) as CampaignExclusionReason | null) ??
        (overWecomCap(theirTasks, now) ? 'group_send_cap' : null);
      if (reason) push(reckoning.excluded, reason, c);
      else {
        const key = String(sender!._id);
        const entry = reckoning.bySender.get(key) ?? { staff: sender!, customers: [] };
        entry.customers.push(c);
        reckoning.bySender.set(key, entry);
      }
    }
    return reckoning;
  }

  /** The customers the audience names, before anyone is left out. */
  private async match(merchantId: MerchantId, audience: CampaignAudience, now: Date): Promise<CampaignCandidate[]> {
    let customers = await this.d.customers.forCampaign(merchantId, audience.tags, AUDIENCE_LIMIT);
    if (audience.groupLayers?.length) {
      const inGroups = new Set(
        (await this.d.groupChats.liveInLayers(merchantId, audience.groupLayers as GroupLayer[])).flatMap((g) =>
          g.customerIds.map(String),
        ),
      );
      customers = customers.filter((c) => inGroups.has(String(c._id)));
    }
    const range = audience.lastVisitDays;
    const byVisits = audience.lifecycle?.length || range?.min !== undefined || range?.max !== undefined;
    if (!byVisits) return customers;
    const [figures, merchant] = await Promise.all([
      this.d.visits.figuresSince(merchantId, EPOCH),
      this.d.merchants.findById(merchantId),
    ]);
    const industry = merchant?.industry ?? '餐饮';
    return customers.filter((c) => {
      const f = figures.get(String(c._id));
      if (audience.lifecycle?.length) {
        const stage = lifecycleStage(f?.visits ?? 0, f?.last ?? c.firstContactAt, industry, now);
        if (!audience.lifecycle.includes(stage)) return false;
      }
      if (range?.min === undefined && range?.max === undefined) return true;
      // a customer who never visited is outside every last-visit range
      if (!f) return false;
      const daysAgo = Math.floor((now.getTime() - f.last.getTime()) / DAY);
      return daysAgo >= (range.min ?? 0) && daysAgo <= (range.max ?? Infinity);
    });
  }
}

/** WeCom's own cap on group messages one customer receives (GROUP_SEND_CAPS), by the tasks that name them. */
function overWecomCap(tasks: { createdAt: Date }[], now: Date): boolean {
  const today = tasks.filter((t) => now.getTime() - t.createdAt.getTime() < DAY).length;
  const month = tasks.filter((t) => now.getTime() - t.createdAt.getTime() < 30 * DAY).length;
  return today >= GROUP_SEND_CAPS.perDay || month >= GROUP_SEND_CAPS.perThirtyDays;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
