import type { Industry } from './industries.js';

/** How a merchant layers its customer groups (the seeds: VIP / regular / win-back, and parents for tutoring). */
export const GROUP_LAYERS = { vip: 'VIP群', regular: '普通客户群', winback: '老客唤醒群', parents: '家长群', unset: '未分层' } as const;
export type GroupLayer = keyof typeof GROUP_LAYERS;

/** Useful content, promotion, interaction: the calendar keeps promotion at most a fifth of the posts. */
export const GROUP_POST_KINDS = { useful: '干货', promo: '促销', interaction: '互动' } as const;
export type GroupPostKind = keyof typeof GROUP_POST_KINDS;
export const MAX_PROMO_SHARE = 0.2;

/** What a post is about; the server grounds each in the shop's own data. */
export type GroupPostTopic = 'new_item' | 'surplus_offer' | 'food_safety' | 'flavour_guess' | 'chain_signup' | 'booking_slots' | 'qa_time' | 'weekly_tip' | 'member_price' | 'birthday_wishes' | 'study_report' | 'weather_care';

export interface CalendarSlot {
  /** 0 = Sunday */
  weekday: number;
  at: string;
  kind: GroupPostKind;
  topic: GroupPostTopic;
  title: string;
}

const slot = (weekday: number, at: string, kind: GroupPostKind, topic: GroupPostTopic, title: string): CalendarSlot => ({ weekday, at, kind, topic, title });

/** Each industry's weekly rhythm for its groups (seed 000's 客户群运营 sections); a merchant may edit it per layer. */
export const GROUP_CALENDARS: Record<Industry, Partial<Record<GroupLayer, CalendarSlot[]>>> = {
  餐饮: {
    vip: [
      slot(1, '11:00', 'useful', 'new_item', '周一上新'),
      slot(2, '15:00', 'interaction', 'flavour_guess', '猜口味赢免费喝'),
      slot(3, '11:00', 'promo', 'surplus_offer', '今日特惠'),
      slot(4, '15:00', 'interaction', 'chain_signup', '周末拼单接龙'),
      slot(5, '10:00', 'useful', 'food_safety', '周五食品安全自查'),
      slot(6, '10:00', 'useful', 'birthday_wishes', '本周寿星'),
    ],
    regular: [slot(1, '11:00', 'useful', 'new_item', '周一上新'), slot(3, '11:00', 'promo', 'surplus_offer', '今日特惠'), slot(5, '10:00', 'useful', 'food_safety', '周五食品安全自查'), slot(6, '15:00', 'interaction', 'flavour_guess', '猜口味赢免费喝'), slot(0, '10:00', 'useful', 'weekly_tip', '周末小贴士')],
  },
  零售: {
    vip: [slot(1, '10:00', 'useful', 'new_item', '新品上架'), slot(3, '20:00', 'promo', 'member_price', '群友专属价'), slot(4, '20:00', 'interaction', 'chain_signup', '拼单接龙'), slot(5, '10:00', 'useful', 'weekly_tip', '穿搭/选购小贴士'), slot(6, '10:00', 'useful', 'birthday_wishes', '本周寿星')],
  },
  电商: {
    vip: [slot(1, '20:00', 'useful', 'new_item', '新品内测'), slot(3, '20:00', 'interaction', 'flavour_guess', '新品投票'), slot(5, '20:00', 'promo', 'member_price', '群友专属价'), slot(6, '10:00', 'useful', 'weekly_tip', '使用小贴士'), slot(0, '10:00', 'useful', 'birthday_wishes', '本周寿星')],
  },
  本地服务: {
    vip: [
      slot(1, '09:30', 'useful', 'booking_slots', '本周档期'),
      slot(2, '09:30', 'useful', 'booking_slots', '今日档期'),
      slot(3, '09:30', 'useful', 'weekly_tip', '护理小贴士'),
      slot(4, '09:30', 'useful', 'booking_slots', '今日档期'),
      slot(5, '20:00', 'promo', 'member_price', '本周爆款项目'),
    ],
  },
  教育培训: {
    parents: [slot(1, '20:00', 'useful', 'weekly_tip', '本周学习重点'), slot(3, '20:00', 'interaction', 'qa_time', '周三晚8点家长答疑'), slot(5, '20:00', 'useful', 'weekly_tip', '周末练习建议'), slot(0, '19:00', 'useful', 'study_report', '本周学习周报'), slot(0, '19:30', 'useful', 'birthday_wishes', '本周小寿星')],
  },
};
