// The group calendar's posts waiting for the owner, with their group's name; approve (as is or edited) or not send.
import * as posts from '@xiaoer/common/api/group-posts';
import { customerGroups } from '@xiaoer/common/api/groups';
import { GROUP_LAYERS, GROUP_POST_KINDS } from '@xiaoer/common/constants/groups';
import type { GroupPostDto } from '@xiaoer/common/schemas/group-post';
import { call } from './client';

export type GroupPost = GroupPostDto;

export interface GroupPostView extends GroupPost {
  groupName: string;
  /** "VIP群 · 干货" */
  label: string;
}

export async function pendingGroupPosts(): Promise<GroupPostView[]> {
  const [pending, groups] = await Promise.all([
    call(posts.groupPosts, { query: { status: 'pending' } }),
    call(customerGroups),
  ]);
  const byId = new Map(groups.items.map((g) => [g.chatId, g]));
  return pending.items.map((p) => {
    const g = byId.get(p.chatId);
    return {
      ...p,
      groupName: g?.name ?? '客户群',
      label: `${g ? GROUP_LAYERS[g.layer] : ''} · ${GROUP_POST_KINDS[p.kind]}`,
    };
  });
}

export const approveGroupPost = (id: string, text?: string) =>
  call(posts.approveGroupPost, { params: { id }, body: text ? { text } : {} });
export const rejectGroupPost = (id: string) => call(posts.rejectGroupPost, { params: { id } });
