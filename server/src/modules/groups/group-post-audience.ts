// Who a group post reaches. A post to a customer group (add_msg_template, chat_type group) goes to the whole chat:
// WeCom cannot leave one member out, so a customer who sent 退订 and stayed in the group still reads its posts. The
// owner is shown how many such members each group holds when reviewing its posts, and the posts never name them.
import type { Types } from 'mongoose';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { CustomerRecord, CustomerRepository } from '../customers/customer.repository.js';
import type { GroupChatRepository } from './group.repository.js';

/** Per live group among `chatIds`, how many of its known members opted out of marketing. */
export async function optedOutMembers(
  d: { groups: Pick<GroupChatRepository, 'listLive'>; customers: Pick<CustomerRepository, 'count'> },
  merchantId: MerchantId,
  chatIds: string[],
): Promise<Map<string, number>> {
  const wanted = new Set(chatIds);
  const groups = (await d.groups.listLive(merchantId)).filter((g) => wanted.has(g.chatId));
  const counts = await Promise.all(
    groups.map((g) => d.customers.count(merchantId, { _id: { $in: g.customerIds }, optedOut: true })),
  );
  return new Map(groups.map((g, i) => [g.chatId, counts[i]!]));
}

/** The group's known members a post may name (birthdays, full attendance): not those who opted out. */
export async function nameableMembers(
  customers: Pick<CustomerRepository, 'findManyByIds'>,
  merchantId: MerchantId,
  customerIds: Types.ObjectId[],
): Promise<CustomerRecord[]> {
  return [...(await customers.findManyByIds(merchantId, customerIds)).values()].filter((c) => !c.optedOut);
}

/** Whom a drafted post names: the week's birthdays, or the families whose students a study report may list. */
export function namedBy(topic: string, birthdays: CustomerRecord[], members: CustomerRecord[]): Types.ObjectId[] {
  if (topic === 'birthday_wishes') return birthdays.map((c) => c._id);
  // the report names students, not customers: every family it could list counts (it is re-checked at approval)
  if (topic === 'study_report') return members.map((c) => c._id);
  return [];
}

/**
 * Whether a pending post names a customer who has since opted out or is no longer a contact: it must not go out as
 * written. A post drafted before its named customers were recorded is checked by the names of the group's members.
 */
export async function namesWithdrawnMember(
  customers: Pick<CustomerRepository, 'findManyByIds'>,
  merchantId: MerchantId,
  post: { namedCustomerIds?: Types.ObjectId[]; text: string },
  groupMemberIds: Types.ObjectId[],
): Promise<boolean> {
  const ids = post.namedCustomerIds ?? groupMemberIds;
  const found = await customers.findManyByIds(merchantId, ids);
  const withdrawn = (c: CustomerRecord) => c.optedOut || c.contactStatus !== 'active';
  if (post.namedCustomerIds) return ids.some((id) => !found.has(String(id)) || withdrawn(found.get(String(id))!));
  return [...found.values()].some((c) => withdrawn(c) && [c.remark, c.name].some((n) => n && post.text.includes(n)));
}
