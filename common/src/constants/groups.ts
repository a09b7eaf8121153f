import type { Industry } from './industries.js';

/** How a merchant layers its customer groups (the seeds: VIP / regular / win-back, and parents for tutoring). */
export const GROUP_LAYERS = {
  vip: 'VIP群',
  regular: '普通客户群',
  winback: '老客唤醒群',
  parents: '家长群',
  unset: '未分层',
} as const;
export type GroupLayer = keyof typeof GROUP_LAYERS;

/** Useful content, promotion, interaction: the calendar keeps promotion at most a fifth of the posts. */
export const GROUP_POST_KINDS = { useful: '干货', promo: '促销', interaction: '互动' } as const;
export type GroupPostKind = keyof typeof GROUP_POST_KINDS;
export const MAX_PROMO_SHARE = 0.2;

/** What a post is about; the server grounds each in the shop's own data. */
export type GroupPostTopic =
  | 'new_item'
  | 'surplus_offer'
  | 'food_safety'
  | 'flavour_guess'
  | 'chain_signup'
  | 'booking_slots'
  | 'qa_time'
  | 'weekly_tip'
  | 'member_price'
  | 'birthday_wishes'
  | 'study_report'
  | 'weather_care';

/** The topics an owner may put on a calendar, as the console names them (weather care comes from the forecast). */
export const CALENDAR_TOPICS = {
  new_item: '新品推荐',
  surplus_offer: '今日特惠（备货多的商品）',
  member_price: '群友专属价',
  food_safety: '食品安全自查',
  flavour_guess: '竞猜互动',
  chain_signup: '接龙',
  booking_slots: '档期 / 预约',
  qa_time: '答疑时间',
  weekly_tip: '小贴士',
  birthday_wishes: '本周寿星',
  study_report: '学习周报',
} as const satisfies Record<Exclude<GroupPostTopic, 'weather_care'>, string>;
export type CalendarTopic = keyof typeof CALENDAR_TOPICS;

/** Whether a topic is useful content, promotion or interaction: fixed by the topic, so the 80/20 count stays honest. */
export const TOPIC_KIND: Record<GroupPostTopic, GroupPostKind> = {
  new_item: 'useful',
  surplus_offer: 'promo',
  member_price: 'promo',
  food_safety: 'useful',
  flavour_guess: 'interaction',
  chain_signup: 'interaction',
  booking_slots: 'useful',
  qa_time: 'interaction',
  weekly_tip: 'useful',
  birthday_wishes: 'useful',
  study_report: 'useful',
  weather_care: 'useful',
};

export interface CalendarSlot {
  /** 0 = Sunday */
  weekday: number;
  at: string;
  kind: GroupPostKind;
  topic: GroupPostTopic;
  title: string;
}

const slot = (weekday: number, at: string, topic: CalendarTopic, title: string): CalendarSlot => ({
  weekday,
  at,
  kind: TOPIC_KIND[topic],
  topic,
  title,
});

/** Each industry's weekly rhythm for its groups (seed 000's 客户群运营 sections); a merchant may edit it per layer. */
export const GROUP_CALENDARS: Record<Industry, Partial<Record<GroupLayer, CalendarSlot[]>>> = {
  餐饮: {
    vip: [
      slot(1, '11:00', 'new_item', '周一上新'),
      slot(2, '15:00', 'flavour_guess', '猜猜新品'),
      slot(3, '11:00', 'surplus_offer', '今日推荐'),
      slot(4, '15:00', 'chain_signup', '周末拼单接龙'),
      slot(5, '10:00', 'food_safety', '周五食品安全自查'),
      slot(6, '10:00', 'birthday_wishes', '本周寿星'),
    ],
    regular: [
      slot(1, '11:00', 'new_item', '周一上新'),
      slot(3, '11:00', 'surplus_offer', '今日推荐'),
      slot(5, '10:00', 'food_safety', '周五食品安全自查'),
      slot(6, '15:00', 'flavour_guess', '猜猜新品'),
      slot(0, '10:00', 'weekly_tip', '周末小贴士'),
    ],
  },
  零售: {
    vip: [
      slot(1, '10:00', 'new_item', '新品上架'),
      slot(3, '20:00', 'member_price', '群友推荐'),
      slot(4, '20:00', 'chain_signup', '拼单接龙'),
      slot(5, '10:00', 'weekly_tip', '穿搭/选购小贴士'),
      slot(6, '10:00', 'birthday_wishes', '本周寿星'),
    ],
  },
  电商: {
    vip: [
      slot(1, '20:00', 'new_item', '新品上架'),
      slot(3, '20:00', 'flavour_guess', '新品投票'),
      slot(5, '20:00', 'member_price', '群友推荐'),
      slot(6, '10:00', 'weekly_tip', '使用小贴士'),
      slot(0, '10:00', 'birthday_wishes', '本周寿星'),
    ],
  },
  本地服务: {
    vip: [
      slot(1, '09:30', 'booking_slots', '本周档期'),
      slot(2, '09:30', 'booking_slots', '今日档期'),
      slot(3, '09:30', 'weekly_tip', '护理小贴士'),
      slot(4, '09:30', 'booking_slots', '今日档期'),
      slot(5, '20:00', 'member_price', '本周爆款项目'),
    ],
  },
  教育培训: {
    parents: [
      slot(1, '20:00', 'weekly_tip', '本周学习重点'),
      slot(3, '20:00', 'qa_time', '周三晚8点家长答疑'),
      slot(5, '20:00', 'weekly_tip', '周末练习建议'),
      slot(0, '19:00', 'study_report', '本周学习周报'),
      slot(0, '19:30', 'birthday_wishes', '本周小寿星'),
    ],
  },
};

/** The merchant's calendars: a layer the owner edited uses theirs (empty = no posts), the others their industry's. */
export function resolveGroupCalendars(
  industry: Industry,
  custom?: Partial<Record<GroupLayer, CalendarSlot[]>>,
): Partial<Record<GroupLayer, CalendarSlot[]>> {
  return { ...GROUP_CALENDARS[industry], ...custom };
}
