import type { Industry } from './industries.js';

/**
 * The scenario catalogue: every proactive thing Xiaoer does, who it speaks to, and the knobs an owner may turn.
 * Customer scenarios write drafts the owner approves; owner scenarios raise alerts; reports are sent on a schedule.
 */
export const SCENARIOS = {
  // to customers (drafts)
  dormant_winback: { name: '沉睡客户唤醒', audience: 'customer' },
  birthday: { name: '生日祝福', audience: 'customer' },
  appointment_cycle: { name: '到期预约提醒', audience: 'customer' },
  member_card_low: { name: '会员卡余额提醒', audience: 'customer' },
  class_hours_low: { name: '课时余额提醒', audience: 'customer' },
  after_service: { name: '服务回访', audience: 'customer' },
  class_reminder: { name: '课前提醒', audience: 'customer' },
  class_feedback: { name: '课后反馈', audience: 'customer' },
  homework_reminder: { name: '作业督促', audience: 'customer' },
  progress_report: { name: '月度学情报告', audience: 'customer' },
  closure_notice: { name: '停课通知', audience: 'customer' },
  appointment_reminder: { name: '预约前一天提醒', audience: 'customer' },
  staff_leave: { name: '技师请假改约', audience: 'customer' },
  activity_signup: { name: '活动报名提醒', audience: 'customer' },
  festival_offer: { name: '节日套餐推荐', audience: 'customer' },
  weather_offer: { name: '天气优惠推荐', audience: 'customer' },
  delivery_care: { name: '签收关怀', audience: 'customer' },
  review_invite: { name: '好评邀请', audience: 'customer' },
  points_expiring: { name: '积分到期提醒', audience: 'customer' },
  // to the owner (alerts)
  low_stock: { name: '库存预警', audience: 'owner' },
  expiring_stock: { name: '临期提醒', audience: 'owner' },
  slow_movers: { name: '滞销提醒', audience: 'owner' },
  bad_review: { name: '差评预警', audience: 'owner' },
  new_order: { name: '新订单通知', audience: 'owner' },
  order_timeout: { name: '订单超时预警', audience: 'owner' },
  peak_hour: { name: '高峰人手提醒', audience: 'owner' },
  holiday_prep: { name: '节假日备货提醒', audience: 'owner' },
  customer_left: { name: '客户删除员工', audience: 'owner' },
  handoff_waiting: { name: '转人工待接待', audience: 'owner' },
  campaign_failed: { name: '定时群发失败', audience: 'owner' },
  weather_prep: { name: '天气备货提醒', audience: 'owner' },
  shipment_stuck: { name: '物流异常提醒', audience: 'owner' },
  sales_spike: { name: '爆单预警', audience: 'owner' },
  return_rate: { name: '退货率异常', audience: 'owner' },
  oversell_risk: { name: '超卖风险', audience: 'owner' },
  message_backlog: { name: '消息积压', audience: 'owner' },
  stock_cover: { name: '畅销品可售天数', audience: 'owner' },
  fridge_temperature: { name: '设备温度异常', audience: 'owner' },
  rota_conflict: { name: '排班冲突', audience: 'owner' },
  redemption_anomaly: { name: '团购核销异常', audience: 'owner' },
  // reports
  daily_report: { name: '每日经营日报', audience: 'report' },
  weekly_report: { name: '每周经营分析', audience: 'report' },
  monthly_report: { name: '每月经营分析', audience: 'report' },
  cash_forecast: { name: '7天营业额预估', audience: 'report' },
  staff_performance: { name: '员工月度业绩', audience: 'report' },
} as const;
export type ScenarioKey = keyof typeof SCENARIOS;
export const SCENARIO_KEYS = Object.keys(SCENARIOS) as ScenarioKey[];
type ScenarioFor<A> = { [K in ScenarioKey]: (typeof SCENARIOS)[K]['audience'] extends A ? K : never }[ScenarioKey];
/** Scenarios that write drafts to customers. */
export type CustomerScenarioKey = ScenarioFor<'customer'>;

/**
 * Notices about the customer's own class, homework or booking, which they expect: consent and quiet hours apply as
 * to every message, the weekly cap and the cool-down (limits on marketing) do not.
 */
export const SERVICE_NOTICES: readonly CustomerScenarioKey[] = [
  'class_reminder',
  'class_feedback',
  'homework_reminder',
  'progress_report',
  'closure_notice',
  'appointment_reminder',
  'staff_leave',
];

/** Every scenario's tunable values and their defaults (an industry template may change them). */
export const SCENARIO_PARAM_DEFAULTS = {
  /** days without a visit; null = the industry's rhythm (DORMANT_AFTER_DAYS) */
  dormant_winback: { idleDays: null as number | null },
  /** what the shop gives on a birthday (一杯招牌奶茶); null: the message wishes well and promises nothing */
  birthday: { gift: null as string | null },
  /** cycle used when a customer's own history is too short to learn theirs (a service name may have a known one) */
  appointment_cycle: { defaultCycleDays: 30 },
  /** remind when the balance covers fewer than this many of the customer's usual visits */
  member_card_low: { visitsLeft: 3 },
  class_hours_low: { below: 5 },
  after_service: { hours: 24 },
  /** hours before a class its reminder goes out (with the teacher's preparation notes) */
  class_reminder: { hoursBefore: 2 },
  /** minutes after a class the teacher's feedback goes to the parent */
  class_feedback: { minutesAfter: 30 },
  /** merchant-local time of the evening reminder; homework this many days overdue gets the firmer one */
  homework_reminder: { at: '20:00', escalateAfterDays: 3 },
  /** day of the month the last month's progress report goes out */
  progress_report: { day: 1 },
  /** days before a closure its notice goes out */
  closure_notice: { daysAhead: 7 },
  /** merchant-local time the day before a booking its reminder goes out */
  appointment_reminder: { at: '18:00' },
  /** bookings this many days ahead are moved when their technician takes leave */
  staff_leave: { daysAhead: 7 },
  /** activities taking place within this many days are offered to the families whose child fits */
  activity_signup: { daysAhead: 14 },
  /** days before a festival that its packages go to the customers who came in the last half year */
  festival_offer: { daysAhead: 7 },
  /** from `at`, when a spell of heat (a high of `hotC`℃ or more), rain, snow or a cold snap begins tomorrow: the
   * shop's own promotion written for that weather to the customers seen lately */
  weather_offer: { at: '15:00', hotC: 33 },
  /** days after a parcel is signed for that its buyer is asked whether it arrived, with the product's care notes */
  delivery_care: { afterDays: 3 },
  /** days after a parcel is signed for that its buyer is invited to review it */
  review_invite: { afterDays: 7 },
  /** members told in the month's last `daysBefore` days of their points lapsing by its end */
  points_expiring: { daysBefore: 5 },
  /** items without their own thresholds: warn when stock covers fewer than this many days of sales */
  low_stock: { coverDays: 3 },
  expiring_stock: { withinDays: 3 },
  slow_movers: { days: 30, maxSold: 3 },
  /** ratings out of 5 at or below this are bad */
  bad_review: { maxRating: 2 },
  new_order: {},
  /** a paid order not completed after this many minutes */
  order_timeout: { minutes: 30 },
  peak_hour: { orders: 8, minutes: 5 },
  holiday_prep: { daysAhead: 7 },
  customer_left: {},
  /** a customer handed to staff on 微信客服 and still unanswered after this many minutes */
  handoff_waiting: { minutes: 10 },
  /** a scheduled campaign WeCom refused on every retry (told once per campaign) */
  campaign_failed: {},
  /** merchant-local time to look at tomorrow's forecast (needs the shop's city in settings) */
  weather_prep: { at: '15:00' },
  /** a parcel not signed for whose tracking has not moved for this many hours */
  shipment_stuck: { stuckHours: 48 },
  /** an item's last hour over `multiple` times its usual for that hour (the same hour of the last `days` days) */
  sales_spike: { multiple: 3, days: 7, minUnits: 10 },
  /** weekly: items refunded at `maxRate` (fraction) or more over `days`, and twice the shop's own rate, of `minSold`+ units */
  return_rate: { days: 30, maxRate: 0.2, minSold: 10 },
  /** an item's counted stock below the units in paid, unshipped orders of every channel (once a day per item) */
  oversell_risk: {},
  /** `minWaiting` or more customers on 微信客服 whose last message has waited over `minutes` (at most hourly) */
  message_backlog: { minutes: 30, minWaiting: 3 },
  /** daily: of the `top` sellers over `days`, those whose stock lasts fewer than `coverDays` days at that pace */
  stock_cover: { days: 7, top: 10, coverDays: 7 },
  /** a fridge or freezer out of its range for longer than this many minutes (once per episode) */
  fridge_temperature: { minutes: 30 },
  /** shifts in the next `daysAhead` days: overlaps, shifts in a leave, and peak hours (an hour averaging
   * `peakOrders`+ orders on that weekday over the last 4 weeks) with fewer than `minStaff` on shift */
  rota_conflict: { daysAhead: 7, minStaff: 2, peakOrders: 15 },
  /** `count` or more redemptions by one person within `minutes`; a voucher used twice and redemptions while the shop
   * is closed are always told */
  redemption_anomaly: { count: 5, minutes: 10 },
  /** merchant-local time the daily report goes out */
  daily_report: { at: '08:00' },
  weekly_report: {},
  monthly_report: {},
  /** the weekly report's estimate of the next 7 days' takings, from the last 4 weeks' same weekdays */
  cash_forecast: {},
  /** the monthly report's figures per staff member, from orders and completed bookings that name them */
  staff_performance: {},
} satisfies Record<ScenarioKey, Record<string, unknown>>;

/** The cycle of common services (days), for customers with too little history to learn their own. */
export const SERVICE_CYCLES: [RegExp, number][] = [
  [/染/, 42],
  [/烫/, 90],
  [/美甲|指甲/, 21],
  [/美睫|睫毛/, 21],
  [/洗澡|洗护|美容/, 14],
  [/剪|理发/, 30],
  [/护理|保养|SPA/i, 30],
];

type Template = {
  enabled: ScenarioKey[];
  params?: Partial<{ [K in ScenarioKey]: Partial<(typeof SCENARIO_PARAM_DEFAULTS)[K]> }>;
};

/** What each industry starts with (the seeds' scenario lists); every switch and value can be changed afterwards. */
/**
 * Every industry wants to know when a customer leaves or waits for a person, what tomorrow's weather means, and when
 * a scheduled campaign could not go.
 */
const ALWAYS: ScenarioKey[] = ['customer_left', 'handoff_waiting', 'weather_prep', 'campaign_failed'];

export const INDUSTRY_TEMPLATES: Record<Industry, Template> = {
  餐饮: {
    enabled: [
      ...ALWAYS,
      'daily_report',
      'weekly_report',
      'monthly_report',
      'bad_review',
      'expiring_stock',
      'low_stock',
      'dormant_winback',
      'birthday',
      'holiday_prep',
      'peak_hour',
      'order_timeout',
      'fridge_temperature',
      'rota_conflict',
      'redemption_anomaly',
      'weather_offer',
      'cash_forecast',
      'staff_performance',
    ],
    params: { order_timeout: { minutes: 30 } },
  },
  零售: {
    enabled: [
      ...ALWAYS,
      'daily_report',
      'weekly_report',
      'monthly_report',
      'low_stock',
      'slow_movers',
      'birthday',
      'new_order',
      'order_timeout',
      'dormant_winback',
      'peak_hour',
      'holiday_prep',
      'stock_cover',
      'points_expiring',
      'weather_offer',
    ],
    params: { dormant_winback: { idleDays: 30 }, order_timeout: { minutes: 24 * 60 } },
  },
  电商: {
    enabled: [
      ...ALWAYS,
      'daily_report',
      'weekly_report',
      'monthly_report',
      'bad_review',
      'low_stock',
      'new_order',
      'order_timeout',
      'slow_movers',
      'dormant_winback',
      'birthday',
      'holiday_prep',
      'shipment_stuck',
      'sales_spike',
      'return_rate',
      'delivery_care',
      'review_invite',
      'oversell_risk',
      'message_backlog',
    ],
    params: { order_timeout: { minutes: 24 * 60 } },
  },
  本地服务: {
    enabled: [
      ...ALWAYS,
      'daily_report',
      'weekly_report',
      'monthly_report',
      'appointment_cycle',
      'appointment_reminder',
      'staff_leave',
      'festival_offer',
      'member_card_low',
      'after_service',
      'staff_performance',
      'birthday',
      'dormant_winback',
      'bad_review',
      'holiday_prep',
    ],
    params: { dormant_winback: { idleDays: 90 } },
  },
  教育培训: {
    enabled: [
      ...ALWAYS,
      'daily_report',
      'weekly_report',
      'monthly_report',
      'class_hours_low',
      'class_reminder',
      'class_feedback',
      'homework_reminder',
      'progress_report',
      'closure_notice',
      'activity_signup',
      'birthday',
      'holiday_prep',
    ],
  },
};

/**
 * Public holidays and shopping days that need preparation, by date. Lunar festivals move every year, so they are
 * listed per year (the State Council publishes them each autumn); extend the table when it does.
 */
export const FESTIVALS: { date: string; name: string }[] = [
  { date: '2026-01-01', name: '元旦' },
  { date: '2026-02-14', name: '情人节' },
  { date: '2026-02-17', name: '春节' },
  { date: '2026-04-05', name: '清明节' },
  { date: '2026-05-01', name: '劳动节' },
  { date: '2026-05-10', name: '母亲节' },
  { date: '2026-06-01', name: '儿童节' },
  { date: '2026-06-19', name: '端午节' },
  { date: '2026-09-25', name: '中秋节' },
  { date: '2026-10-01', name: '国庆节' },
  { date: '2026-11-11', name: '双十一' },
  { date: '2026-12-12', name: '双十二' },
  { date: '2026-12-25', name: '圣诞节' },
  { date: '2027-01-01', name: '元旦' },
  { date: '2027-02-06', name: '春节' },
  { date: '2027-02-14', name: '情人节' },
  { date: '2027-04-05', name: '清明节' },
  { date: '2027-05-01', name: '劳动节' },
  { date: '2027-05-09', name: '母亲节' },
  { date: '2027-06-01', name: '儿童节' },
  { date: '2027-06-09', name: '端午节' },
  { date: '2027-09-15', name: '中秋节' },
  { date: '2027-10-01', name: '国庆节' },
  { date: '2027-11-11', name: '双十一' },
  { date: '2027-12-12', name: '双十二' },
  { date: '2027-12-25', name: '圣诞节' },
];
