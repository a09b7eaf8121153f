import type { Industry } from './industries.js';

/** Where a customer is in their relationship with the shop (shown to staff as-is). */
export const LIFECYCLE_STAGES = ['新客', '活跃', '沉睡', '流失'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/**
 * Days without a visit after which a customer counts as 沉睡 (dormant), per industry: a milk-tea regular comes
 * weekly, a salon client every month or two, a tutoring family renews by term. 流失 (lost) is three times as long.
 */
export const DORMANT_AFTER_DAYS: Record<Industry, number> = {
  餐饮: 30,
  零售: 45,
  电商: 60,
  本地服务: 60,
  教育培训: 90,
};
export const LOST_FACTOR = 3;
/** A customer is 新客 until their second visit, or for this many days after the first. */
export const NEW_CUSTOMER_DAYS = 14;
