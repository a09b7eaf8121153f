import type { CorpTagGroupDto } from '@xiaoer/common/schemas/sidebar';
// Two-way sync of corp tags. WeCom → us: the tag list is mirrored (on onboarding and on change_external_tag
// events). Us → WeCom: a customer's tags are pushed by a job that compares what we hold with what WeCom shows on
// each follow relation and marks the difference, so a retry or a duplicate job changes nothing.
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { ContactsApi } from '../wecom/api/contacts-api.js';
import type { TagsApi } from '../wecom/api/tags-api.js';
import { WecomApiError } from '../wecom/api/wecom-errors.js';
import type { WecomCredentials } from '../wecom/wecom-app.repository.js';
import type { CorpTagRepository } from './corp-tag.repository.js';

/** The tag group our own tags are created in, so the merchant sees where they came from. */
export const XIAOER_TAG_GROUP = '小二标签';

export class TagSyncService {
  constructor(
    private tags: CorpTagRepository,
    private api: TagsApi,
    private contacts: ContactsApi,
    private customers: CustomerRepository,
  ) {}

  /** The tags staff can pick: WeCom's corp tags by group, then the ones only we have used (pushed on first use). */
  async groups(merchantId: MerchantId): Promise<CorpTagGroupDto[]> {
    const [corp, used] = await Promise.all([this.tags.list(merchantId), this.customers.distinctTags(merchantId)]);
    const groups = new Map<string, string[]>();
    for (const t of corp) groups.set(t.groupName, [...(groups.get(t.groupName) ?? []), t.name]);
    const known = new Set(corp.map((t) => t.name));
    const ours = used.filter((t) => !known.has(t));
    if (ours.length) groups.set(XIAOER_TAG_GROUP, [...(groups.get(XIAOER_TAG_GROUP) ?? []), ...ours]);
    return [...groups].map(([groupName, tags]) => ({ groupName, tags }));
  }

  /** Mirrors WeCom's corp tags; tags deleted in WeCom disappear from the mirror. */
  async pull(app: WecomCredentials): Promise<number> {
    const groups = await this.api.list(app);
    const seen: string[] = [];
    for (const g of groups) {
      for (const t of g.tag) {
        seen.push(t.id);
        await this.tags.mirror(app.merchantId, {
          wecomTagId: t.id,
          name: t.name,
          groupId: g.group_id,
          groupName: g.group_name,
        });
      }
    }
    await this.tags.removeAllBut(app.merchantId, seen);
    return seen.length;
  }

  /** WeCom ids for our tag names, creating the missing ones in WeCom (in our group). */
  async idsFor(app: WecomCredentials, names: string[], retried = false): Promise<Map<string, string>> {
    const known = await this.tags.findByNames(app.merchantId, names);
    const ids = new Map(known.map((t) => [t.name, t.wecomTagId]));
    const missing = names.filter((n) => !ids.has(n));
    if (missing.length) {
      const group = await this.api.add(app, XIAOER_TAG_GROUP, missing).catch(async (err: unknown) => {
        // 40071: another worker created the tag a moment ago (auto-tagging pushes many customers at once):
        // take WeCom's tags and look again, once
        if (!(err instanceof WecomApiError && err.errcode === 40071) || retried) throw err;
        await this.pull(app);
        return null;
      });
      if (!group) return this.idsFor(app, names, true);
      for (const t of group.tag.filter((x) => missing.includes(x.name))) {
        ids.set(t.name, t.id);
        await this.tags.mirror(app.merchantId, {
          wecomTagId: t.id,
          name: t.name,
          groupId: group.group_id,
          groupName: group.group_name,
        });
      }
    }
    return ids;
  }

  /** Makes WeCom show exactly the customer's tags on every follow relation. */
  async pushCustomer(
    app: WecomCredentials,
    merchantId: MerchantId,
    customerId: string,
  ): Promise<{ added: number; removed: number }> {
    const customer = await this.customers.findById(merchantId, customerId);
    if (!customer?.externalUserId || customer.contactStatus !== 'active') return { added: 0, removed: 0 };
    const wanted = await this.idsFor(app, customer.tags);
    const wantedIds = new Set(wanted.values());
    const ours = new Set((await this.tags.list(merchantId)).map((t) => t.wecomTagId));
    const profile = await this.contacts.getExternalContact(app, customer.externalUserId).catch((err: unknown) => {
      // 40096: WeCom does not know this external userid (never a contact of this corp): nothing to push, ever
      if (err instanceof WecomApiError && err.errcode === 40096) return null;
      throw err;
    });
    if (!profile) return { added: 0, removed: 0 };
    let added = 0;
    let removed = 0;
    for (const follow of profile.follow_user) {
      const current = new Set((follow.tags ?? []).map((t) => t.tag_id));
      const add = [...wantedIds].filter((id) => !current.has(id));
      // Only corp tags we know are ours to remove; personal tags staff set by hand stay.
      const remove = [...current].filter((id) => !wantedIds.has(id) && ours.has(id));
      if (!add.length && !remove.length) continue;
      try {
        await this.api.mark(app, follow.userid, customer.externalUserId, add, remove);
      } catch (err) {
        if (err instanceof WecomApiError && err.errcode === 84061) continue; // that relation is gone
        throw err;
      }
      added += add.length;
      removed += remove.length;
    }
    return { added, removed };
  }
}
