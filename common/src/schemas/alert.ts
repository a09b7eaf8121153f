import { z } from 'zod';
import { SCENARIO_KEYS, type ScenarioKey } from '../constants/scenarios.js';
import { newestFirstPageShape } from './page.js';

export const ALERT_LEVELS = ['info', 'warning', 'urgent'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
export const ALERT_STATUSES = ['open', 'resolved'] as const;

export const ALERT_NOTIFY_STATES = ['pending', 'sent', 'failed', 'nobody'] as const;

/** Something the owner should know or do: low stock, a bad review, a rush of orders ... */
export const alertDtoSchema = z
  .object({
    id: z.string(),
    kind: z.enum(SCENARIO_KEYS as [ScenarioKey, ...ScenarioKey[]]),
    kindName: z.string(),
    level: z.enum(ALERT_LEVELS),
    title: z.string(),
    body: z.string(),
    /** what the alert is about, for its detail page (item, review, order ...) */
    data: z.record(z.string(), z.unknown()),
    status: z.enum(ALERT_STATUSES),
    /** whether the owner was told in WeCom */
    notified: z.enum(ALERT_NOTIFY_STATES),
    createdAt: z.string(),
    resolvedAt: z.string().optional(),
  })
  .strict();
export type AlertDto = z.infer<typeof alertDtoSchema>;

/** Alerts of one status, newest first; with `limit`, one page of them. */
export const alertListQuerySchema = z
  .object({ status: z.enum(ALERT_STATUSES).optional(), ...newestFirstPageShape })
  .strict();
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;
