// The group calendar's posts waiting for the owner, with their group's name; approve (as is or edited) or not send.
import { GROUP_LAYERS, GROUP_POST_KINDS } from '@xiaoer/common/constants/groups';
import type { CustomerGroupDto } from '@xiaoer/common/schemas/customer-group';
import type { GroupPostDto } from '@xiaoer/common/schemas/group-post';
import { api } from './api';

export type GroupPost = GroupPostDto;

export interface GroupPostView extends GroupPost {
  groupName: string;
  /** "VIP群 · 干货" */
  label: string;
}

export async function pendingGroupPosts(): Promise<GroupPostView[]> {
  const [posts, groups] = await Promise.all([
    api<{ items: GroupPost[] }>('/group-posts?status=pending'),
    api<{ items: CustomerGroupDto[] }>('/customer-groups'),
  ]);
  const byId = new Map(groups.items.map((g) => [g.chatId, g]));
  return posts.items.map((p) => {
    const g = byId.get(p.chatId);
    return {
      ...p,
      groupName: g?.name ?? '客户群',
      label: `${g ? GROUP_LAYERS[g.layer] : ''} · ${GROUP_POST_KINDS[p.kind]}`,
    };
  });
}

export const approveGroupPost = (id: string, text?: string) =>
  api<GroupPost>(`/group-posts/${id}/approve`, { body: text ? { text } : {} });
export const rejectGroupPost = (id: string) => api<GroupPost>(`/group-posts/${id}/reject`, { body: {} });
