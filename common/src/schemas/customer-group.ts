// The owner's customer groups (客户群) as the console sees them: each group with its layer, how customers get into a
// layer, and a group's report.
import { z } from 'zod';
import { GROUP_LAYERS, type GroupLayer } from '../constants/groups.js';

const layers = Object.keys(GROUP_LAYERS) as [GroupLayer, ...GroupLayer[]];
export const groupLayerSchema = z.enum(layers);

/** A group as the owner's list shows it: counts, not the customers' ids. */
export const customerGroupDtoSchema = z
  .object({
    chatId: z.string(),
    name: z.string(),
    layer: groupLayerSchema,
    ownerUserId: z.string(),
    notice: z.string().optional(),
    memberCount: z.number().int(),
    /** members who are our customers */
    customerCount: z.number().int(),
    /** members who joined / left since we started watching */
    joined: z.number().int(),
    left: z.number().int(),
  })
  .strict();
export type CustomerGroupDto = z.infer<typeof customerGroupDtoSchema>;

/** A layer's 加入群聊 QR code and new-member welcome. */
export const groupEntryDtoSchema = z
  .object({
    layer: groupLayerSchema,
    qrCode: z.string().optional(),
    chatIds: z.array(z.string()),
    welcomeText: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .strict();
export type GroupEntryDto = z.infer<typeof groupEntryDtoSchema>;

/** A new join code: the QR image's address and the groups (the roomiest five of the layer) it lets people into. */
export const groupJoinCodeDtoSchema = z
  .object({ layer: groupLayerSchema, qrCode: z.string(), chatIds: z.array(z.string()) })
  .strict();
export type GroupJoinCodeDto = z.infer<typeof groupJoinCodeDtoSchema>;

/** The welcome as a WeCom template, and what the group owner does with it. */
export const groupWelcomeDtoSchema = z
  .object({ layer: groupLayerSchema, templateId: z.string(), text: z.string(), hint: z.string() })
  .strict();
export type GroupWelcomeDto = z.infer<typeof groupWelcomeDtoSchema>;

export const groupLayerBodySchema = z.object({ layer: groupLayerSchema }).strict();
export const groupLayerParamsSchema = z.object({ layer: groupLayerSchema }).strict();
export const groupWelcomeSchema = z.object({ text: z.string().trim().max(1000).optional() }).strict();
export const groupReportQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }).strict();

const count = z.number().int();

/** A group's figures since a date: members, the calendar's posts, interactions and what the posts brought in. */
export const groupReportDtoSchema = z
  .object({
    chatId: z.string(),
    name: z.string(),
    layer: groupLayerSchema,
    members: z.object({ now: count, joined: count, left: count }).strict(),
    posts: z.object({ drafted: count, sent: count, confirmedByStaff: count }).strict(),
    interactions: z.object({ chain: count, booking: count, guess: count }).strict(),
    /** orders containing a featured item within 3 days of a sent post; revenue in fen */
    attributedOrders: z.object({ orders: count, revenue: count }).strict(),
    bookings: z.array(
      z
        .object({
          customerName: z.string().optional(),
          day: z.string().optional(),
          time: z.string().optional(),
          detail: z.string(),
          at: z.string(),
        })
        .strict(),
    ),
  })
  .strict();
export type GroupReportDto = z.infer<typeof groupReportDtoSchema>;
