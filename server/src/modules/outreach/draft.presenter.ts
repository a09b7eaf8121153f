// What the owner's inbox shows of a draft: no ids but its own, the customer by the name staff know them by.
import type { DraftDto } from '@xiaoer/common/schemas/outreach';
import { SCENARIOS } from '@xiaoer/common/constants/scenarios';
import type { DraftRecord } from './draft.repository.js';

/** How staff know the customer: their remark, else their name. */
export const displayName = (c: { remark?: string; name: string } | null | undefined) =>
  c?.remark || c?.name || '已删除的客户';

export const presentDraft = (d: DraftRecord, customerName: string): DraftDto => ({
  id: d._id.toHexString(),
  scenario: d.scenario,
  scenarioName: SCENARIOS[d.scenario as keyof typeof SCENARIOS]?.name ?? d.scenario,
  customer: { id: String(d.customerId), name: customerName },
  text: d.text,
  reason: d.reason,
  writtenBy: d.writtenBy ?? 'template',
  status: d.status,
  ...(d.error ? { error: d.error } : {}),
  ...(d.groupSendId ? { groupSendId: String(d.groupSendId) } : {}),
  // waiting out quiet hours (once it has gone out, when it waited is only in the audit trail)
  ...(d.status === 'approved' && d.sendAfter ? { sendAfter: d.sendAfter.toISOString() } : {}),
  audit: d.audit.map((a) => ({
    at: a.at.toISOString(),
    by: a.by,
    action: a.action,
    ...(a.note ? { note: a.note } : {}),
  })),
  createdAt: d.createdAt.toISOString(),
});
