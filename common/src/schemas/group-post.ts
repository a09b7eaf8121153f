// The group calendar's posts as the owner's console sees them, and what it may send about them.
import { z } from 'zod';
import { CALENDAR_TOPICS, GROUP_POST_KINDS, type GroupPostKind, type GroupPostTopic } from '../constants/groups.js';

const kinds = Object.keys(GROUP_POST_KINDS) as [GroupPostKind, ...GroupPostKind[]];
// every topic: the calendar's, and the forecast's weather care
const topics: [GroupPostTopic, ...GroupPostTopic[]] = [
  'weather_care',
  ...(Object.keys(CALENDAR_TOPICS) as GroupPostTopic[]),
];
export const GROUP_POST_STATUSES = ['pending', 'sent', 'rejected', 'failed'] as const;
export type GroupPostStatus = (typeof GROUP_POST_STATUSES)[number];

/** One post: its group and calendar slot, the text and the ids of the shop's data it cites, and where it stands. */
export const groupPostDtoSchema = z.object({
  id: z.string(),
  chatId: z.string(),
  /** the slot, merchant-local: "YYYY-MM-DD" and "HH:mm" */
  date: z.string(),
  at: z.string(),
  kind: z.enum(kinds),
  topic: z.enum(topics),
  title: z.string(),
  text: z.string(),
  citedIds: z.array(z.string()),
  /** pending → sent (the group owner's WeCom task made) | rejected | failed (with the error) */
  status: z.enum(GROUP_POST_STATUSES),
  error: z.string().optional(),
  /** the group-send task made on approval */
  groupSendId: z.string().optional(),
  /**
   * the group's members who opted out of marketing (in the owner's review): a group post reaches every member, WeCom
   * cannot leave one out, so the owner sees how many will read it anyway
   */
  optedOutMembers: z.number().int().min(0).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GroupPostDto = z.infer<typeof groupPostDtoSchema>;

export const groupPostListQuerySchema = z.object({ status: z.enum(GROUP_POST_STATUSES).optional() }).strict();
export const groupPostApproveSchema = z.object({ text: z.string().trim().min(1).max(1000).optional() }).strict();
/** A reply staff saw in the group ("接龙+…", "预约+…"). */
export const groupPostReplySchema = z
  .object({ text: z.string().trim().min(1).max(200), customerName: z.string().trim().max(30).optional() })
  .strict();
export const draftWeekSchema = z
  .object({ monday: z.iso.date().refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, '请给出一周的星期一') })
  .strict();

/** A week drafted: how many groups and posts, what was left out and why, and each group's promotional share. */
export const weekDraftOutcomeSchema = z
  .object({
    groups: z.number().int(),
    drafted: z.number().int(),
    /** slots whose text did not pass the guardrails, or had nothing true to say (no birthdays, no item) */
    skipped: z.array(z.object({ chatId: z.string(), title: z.string(), reason: z.string() }).strict()),
    /** per group: the promotional share of its planned posts, percent, and the slots the 80/20 rule dropped */
    balance: z.array(z.object({ chatId: z.string(), promoPct: z.number(), dropped: z.array(z.string()) }).strict()),
  })
  .strict();
export type WeekDraftOutcome = z.infer<typeof weekDraftOutcomeSchema>;

/** A reply as it was counted: 接龙 (chain), 预约 (booking, with the day and time named) or 竞猜 (guess). */
export const groupInteractionDtoSchema = z
  .object({
    kind: z.enum(['chain', 'booking', 'guess']),
    /** what follows the keyword */
    detail: z.string(),
    day: z.string().optional(),
    time: z.string().optional(),
  })
  .strict();
export type GroupInteractionDto = z.infer<typeof groupInteractionDtoSchema>;
