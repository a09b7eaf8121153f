import type { CustomerGroupDto, GroupEntryDto, GroupReportDto } from '@xiaoer/common/schemas/customer-group';
import type { GroupEntryRecord } from './group-entry.repository.js';
import type { GroupReport } from './group-interaction.service.js';
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

/** A group's report: its members now and since we watched, the posts' outcomes, and the bookings made. */
export const presentGroupReport = ({ group, bookings, ...figures }: GroupReport): GroupReportDto => ({
  chatId: group.chatId,
  name: group.name,
  layer: group.layer,
  members: { now: group.memberCount, joined: group.joined, left: group.left },
  ...figures,
  bookings: bookings.map((b) => ({
    ...(b.customerName ? { customerName: b.customerName } : {}),
    ...(b.day ? { day: b.day } : {}),
    ...(b.time ? { time: b.time } : {}),
    detail: b.detail,
    at: b.at.toISOString(),
  })),
});
