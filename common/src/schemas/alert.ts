import { z } from 'zod';
import type { ScenarioKey } from '../constants/scenarios.js';

export const ALERT_LEVELS = ['info', 'warning', 'urgent'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
export const ALERT_STATUSES = ['open', 'resolved'] as const;

/** Something the owner should know or do: low stock, a bad review, a rush of orders ... */
export interface AlertDto {
  id: string;
  kind: ScenarioKey;
  kindName: string;
  level: AlertLevel;
  title: string;
  body: string;
  /** what the alert is about, for its detail page (item, review, order ...) */
  data: Record<string, unknown>;
  status: (typeof ALERT_STATUSES)[number];
  /** whether the owner was told in WeCom */
  notified: 'pending' | 'sent' | 'failed' | 'nobody';
  createdAt: string;
  resolvedAt?: string;
}

export const alertListQuerySchema = z.object({ status: z.enum(ALERT_STATUSES).optional() }).strict();
