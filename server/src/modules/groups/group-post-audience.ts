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
