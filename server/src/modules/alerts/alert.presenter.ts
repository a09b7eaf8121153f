import { SCENARIOS } from '@xiaoer/common/constants/scenarios';
import type { AlertDto } from '@xiaoer/common/schemas/alert';
import type { AlertRecord } from './alert.repository.js';

/** An alert as the owner reads it: its kind's name, whether the owner was told; no tenant or notification lease. */
export const presentAlert = (a: AlertRecord): AlertDto => ({
  id: a._id.toHexString(),
  kind: a.kind,
  kindName: SCENARIOS[a.kind]?.name ?? a.kind,
  level: a.level,
  title: a.title,
  body: a.body,
  data: a.data ?? {},
  status: a.status,
  notified: a.notify,
  createdAt: a.createdAt.toISOString(),
  ...(a.resolvedAt ? { resolvedAt: a.resolvedAt.toISOString() } : {}),
});
