import type { GroupSendDto, GroupSendSkipReason } from '@xiaoer/common/schemas/group-send';
import type { GroupSendRecord } from './group-send.repository.js';

/** A task as the console shows it: how many it was for and reached, who was left out and why; no WeCom ids. */
export const presentGroupSend = (t: GroupSendRecord): GroupSendDto => ({
  id: t._id.toHexString(),
  status: t.status,
  text: t.text,
  recipients: t.externalUserIds.length,
  delivered: t.results.filter((r) => r.status === 1).length,
  skipped: t.skipped.map((s) => ({ customerId: String(s.customerId), reason: s.reason as GroupSendSkipReason })),
  createdAt: t.createdAt.toISOString(),
});
