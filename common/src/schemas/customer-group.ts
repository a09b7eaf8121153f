// The owner's customer groups (客户群) as the console sees them: each group with its layer, how customers get into a
// layer, and a group's report.
import { z } from 'zod';
import { GROUP_LAYERS, type GroupLayer } from '../constants/groups.js';

const layers = Object.keys(GROUP_LAYERS) as [GroupLayer, ...GroupLayer[]];
export const groupLayerSchema = z.enum(layers);

export interface CustomerGroupDto {
  chatId: string;
  name: string;
  layer: GroupLayer;
  ownerUserId: string;
  notice?: string;
  memberCount: number;
  /** members who are our customers */
  customerCount: number;
  /** members who joined / left since we started watching */
  joined: number;
  left: number;
}

/** A layer's 加入群聊 QR code and new-member welcome. */
export interface GroupEntryDto {
  layer: GroupLayer;
  qrCode?: string;
  chatIds: string[];
  welcomeText?: string;
  updatedAt?: string;
}

export const groupLayerBodySchema = z.object({ layer: groupLayerSchema }).strict();
export const groupLayerParamsSchema = z.object({ layer: groupLayerSchema }).strict();
export const groupWelcomeSchema = z.object({ text: z.string().trim().max(1000).optional() }).strict();
export const groupReportQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }).strict();

export interface GroupReportDto {
  chatId: string;
  name: string;
  layer: GroupLayer;
  members: { now: number; joined: number; left: number };
  posts: { drafted: number; sent: number; confirmedByStaff: number };
  interactions: { chain: number; booking: number; guess: number };
  /** orders containing a featured item within 3 days of a sent post; revenue in fen */
  attributedOrders: { orders: number; revenue: number };
  bookings: { customerName?: string; day?: string; time?: string; detail: string; at: string }[];
}
