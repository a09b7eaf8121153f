import type { CustomerGroupDto, GroupEntryDto } from '@xiaoer/common/schemas/customer-group';
import type { GroupEntryRecord } from './group-entry.repository.js';
import type { GroupChatRecord } from './group.repository.js';

/** A group as the owner's list shows it: counts, not the customers' ids. */
export const presentCustomerGroup = (g: GroupChatRecord): CustomerGroupDto => ({
  chatId: g.chatId,
  name: g.name,
  layer: g.layer,
  ownerUserId: g.ownerUserId,
  ...(g.notice ? { notice: g.notice } : {}),
  memberCount: g.memberCount,
  customerCount: g.customerIds.length,
  joined: g.joined,
  left: g.left,
});

/** A layer's join code and welcome, without WeCom's config and template ids. */
export const presentGroupEntry = (e: GroupEntryRecord): GroupEntryDto => ({
  layer: e.layer,
  ...(e.qrCode ? { qrCode: e.qrCode } : {}),
  chatIds: e.chatIds ?? [],
  ...(e.welcomeText ? { welcomeText: e.welcomeText } : {}),
  ...(e.updatedAt ? { updatedAt: e.updatedAt.toISOString() } : {}),
});
