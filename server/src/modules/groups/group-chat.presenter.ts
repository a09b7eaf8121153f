import type { GroupChatDto } from '@xiaoer/common/schemas/sidebar';

/** A group chat for the sidebar: its owner by name, counts, and the customers we know by the name staff know them by. */
export const presentGroupChat = (g: GroupChatDto): GroupChatDto => ({
  chatId: g.chatId,
  name: g.name,
  ...(g.notice ? { notice: g.notice } : {}),
  ownerName: g.ownerName,
  createdAt: g.createdAt,
  memberCount: g.memberCount,
  knownCustomers: g.knownCustomers.map((c) => ({ id: c.id, name: c.name, tags: [...c.tags] })),
  unknownCustomerCount: g.unknownCustomerCount,
  staffCount: g.staffCount,
});
