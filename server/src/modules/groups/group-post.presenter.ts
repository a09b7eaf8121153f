import type { GroupPostDto } from '@xiaoer/common/schemas/group-post';
import type { GroupPostRecord } from './group-post.repository.js';

/**
 * What the console sees of a post: its id as a string, no tenant, version or audit internals; in the review, how many
 * of the group's members opted out.
 */
export const presentGroupPost = (p: GroupPostRecord, optedOutMembers?: number): GroupPostDto => ({
  id: p._id.toHexString(),
  chatId: p.chatId,
  date: p.date,
  at: p.at,
  kind: p.kind,
  topic: p.topic,
  title: p.title,
  text: p.text,
  citedIds: p.citedIds,
  status: p.status,
  ...(p.error ? { error: p.error } : {}),
  ...(p.groupSendId ? { groupSendId: p.groupSendId.toHexString() } : {}),
  ...(optedOutMembers !== undefined ? { optedOutMembers } : {}),
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});
