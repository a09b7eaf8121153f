import { z } from 'zod';
import type { LifecycleStage } from '../constants/lifecycle.js';
import type { CustomerDto } from './customer.js';

/** The sidebar asks where to send the staff member for WeCom's OAuth (snsapi_base). */
export const oauthUrlQuerySchema = z
  .object({
    corpId: z.string().trim().min(1, '缺少企业ID').max(64),
    redirectUri: z.url('回跳地址不正确').max(1000),
  })
  .strict();

export const externalUserIdParamsSchema = z.object({ externalUserId: z.string().trim().min(1).max(64) }).strict();
export const chatIdParamsSchema = z.object({ chatId: z.string().trim().min(1).max(64) }).strict();
export const scriptFavouriteSchema = z.object({ favourite: z.boolean() }).strict();

export interface CustomerInsights {
  /** fen, paid orders less refunds */
  totalSpend: number;
  visits: number;
  lastVisitAt?: string;
  /** days between visits on average; absent with fewer than two */
  averageIntervalDays?: number;
  favouriteItems: { name: string; quantity: number }[];
  lifecycle: LifecycleStage;
}

export interface RecentOrderDto {
  id: string;
  placedAt: string;
  channel: string;
  status: string;
  amount: number;
  items: string;
}

export interface CustomerProfileDto {
  customer: CustomerDto;
  insights: CustomerInsights;
  recentOrders: RecentOrderDto[];
}

export interface CorpTagGroupDto {
  groupName: string;
  tags: string[];
}

export interface GroupChatDto {
  chatId: string;
  name: string;
  notice?: string;
  ownerName: string;
  createdAt: string;
  memberCount: number;
  /** customers in the group we know */
  knownCustomers: { id: string; name: string; tags: string[] }[];
  unknownCustomerCount: number;
  staffCount: number;
}

export interface ScriptItemDto {
  id: string;
  category: string;
  title: string;
  content: string;
  /** pinyin initials of title and content, for search by 首字母 (e.g. "hyc" → 欢迎词) */
  initials: string;
  attachment?: { kind: 'image' | 'link' | 'miniprogram'; url?: string; title?: string; appid?: string; page?: string };
  usageCount: number;
  favourite: boolean;
}

/** What one tap sends: the text with variables filled, and the attachment ready for sendChatMessage. */
export interface ScriptUseDto {
  text: string;
  attachment?: ScriptItemDto['attachment'] & { mediaId?: string };
  usageCount: number;
}
