/**
 * A draft's life: pending → approved (as written or edited) or rejected → sent (a group-send task staff confirm, or a
 * KF message inside the 48-hour window) → delivered (WeCom reports it reached the customer) or failed. Cancelled: the
 * customer may no longer be messaged (opted out, or no longer a contact), found when they opted out or when sending.
 * Expired: a notice tied to a moment (a class, a booking) whose moment came before it went out.
 */
export const DRAFT_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'sent',
  'delivered',
  'failed',
  'cancelled',
  'expired',
] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** The contact policy a merchant starts with (each value can be changed). */
export const CONTACT_POLICY_DEFAULTS = {
  /** local time: no proactive message goes out between these */
  quietStart: '22:00',
  quietEnd: '09:00',
  /** proactive messages to one customer in any 7 days */
  perWeek: 2,
  /** after this many proactive messages without a reply or a visit, pause ... */
  unansweredBeforeCoolDown: 2,
  /** ... for this many days */
  coolDownDays: 7,
} as const;

/** Why a customer did not get a scenario's message (each suppression is recorded with one). */
export const SUPPRESSION_REASONS = {
  opted_out: '客户已退订',
  contact_deleted: '客户已删除员工',
  not_wecom_contact: '不是企业微信好友',
  weekly_cap: '本周已达主动消息上限',
  daily_cap: '今天已发过一条主动消息',
  cool_down: '连续未回复，冷静期中',
  recently_contacted: '近期已发过同类消息',
  guardrail: '文案未通过核对',
} as const;
export type SuppressionReason = keyof typeof SUPPRESSION_REASONS;

/** When the day's scenarios run (merchant-local), unless the merchant chooses another time. */
export const DEFAULT_SCENARIO_RUN_AT = '10:00';
