import { z } from 'zod';
import { INDUSTRIES, type Industry } from '../constants/industries.js';
import { AUTO_REPLY_MODES } from './ai.js';
import { CONTACT_POLICY_DEFAULTS, DEFAULT_SCENARIO_RUN_AT } from '../constants/outreach.js';
import {
  INDUSTRY_TEMPLATES,
  SCENARIO_KEYS,
  SCENARIO_PARAM_DEFAULTS,
  SCENARIOS,
  type ScenarioKey,
} from '../constants/scenarios.js';
import { clockTimeSchema, isoDateSchema } from './common.js';
import { SHOP_FACT_LABELS, SHOP_FACT_TOPICS } from '../constants/shop-facts.js';

/** One opening span on a weekday (0 = Sunday). A span may end after midnight ("22:00"–"02:00"). */
export const openingSpanSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  open: clockTimeSchema,
  close: clockTimeSchema,
});

export const holidaySchema = z.object({
  date: isoDateSchema,
  name: z.string().trim().min(1).max(30),
  /** closed all day, or special hours that day */
  closed: z.boolean().default(true),
  open: clockTimeSchema.optional(),
  close: clockTimeSchema.optional(),
});

/**
 * Opening spans of one week: a weekday without a span is closed that day (so "周一休息" is a week without weekday 1).
 * At most three spans a day.
 */
export const weekSpansSchema = z.array(openingSpanSchema).max(21, '每天最多 3 个时段');

export const businessHoursUpdateSchema = z.object({
  businessHours: weekSpansSchema,
  holidays: z.array(holidaySchema).max(60).default([]),
});
export type BusinessHoursUpdate = z.infer<typeof businessHoursUpdateSchema>;

/** The merchant's name as shops and customers see it. */
export const merchantNameSchema = z.string().trim().min(1, '请填写店铺名称').max(50, '店铺名称最多 50 个字');
/** One of the five industries: it picks the industry template (scenarios, group calendar, knowledge starters). */
export const industrySchema = z.enum(INDUSTRIES, { error: `行业请从这几项里选：${INDUSTRIES.join('、')}` });

/** The business itself: its name and industry (the owner's; the operator set them first). */
export const merchantProfileUpdateSchema = z.object({ name: merchantNameSchema, industry: industrySchema }).strict();
export type MerchantProfileUpdate = z.infer<typeof merchantProfileUpdateSchema>;

/**
 * A shop's phone as customers dial it: a mobile (13800138000), a landline with its area code (028-12345678,
 * optionally an extension), or a 400/800 number. Spaces are dropped before the check.
 */
export const shopPhoneSchema = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(
    z
      .string()
      .min(1, '请填写门店电话')
      .regex(
        /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|[48]00-?\d{3}-?\d{4})$/,
        '电话格式不对：手机号 11 位，座机请带区号，如 028-12345678',
      ),
  );

/** A shop as the owner enters it: customers ask the bot for its address and phone. */
export const shopInputSchema = z
  .object({
    name: z.string().trim().min(1, '请填写门店名称').max(50, '门店名称最多 50 个字'),
    address: z.string().trim().min(1, '请填写门店地址').max(200, '门店地址最多 200 个字'),
    phone: shopPhoneSchema,
    /** where customers park, as the bot tells them ("商场 B2 停车场，消费满 50 元免费 2 小时"); empty: not said */
    parking: z
      .string()
      .trim()
      .max(200, '停车说明最多 200 个字')
      .optional()
      .transform((s) => s || undefined),
    /**
     * where the shop is (WGS-84, as a WeChat map pick gives it): the bot names the nearest shop to a customer who
     * shares their location. Both or neither; without them the bot goes by the district in the address
     */
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    /** this shop's own opening hours when they differ from the merchant's; absent or empty: the merchant's */
    businessHours: z.array(openingSpanSchema).max(21).optional(),
  })
  .strict()
  .refine((s) => (s.lat === undefined) === (s.lng === undefined), {
    message: '经度和纬度要一起填',
    path: ['lat'],
  });
export type ShopInput = z.infer<typeof shopInputSchema>;

export const shopDtoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    address: z.string().optional(),
    phone: z.string().optional(),
    parking: z.string().optional(),
    lat: z.number().optional(),
    lng: z.number().optional(),
    businessHours: z.array(openingSpanSchema).optional(),
  })
  .strict();
export type ShopDto = z.infer<typeof shopDtoSchema>;

/**
 * One customer-facing fact: a topic (SHOP_FACT_TOPICS) and what the bot may say about it. `label` names an `other`
 * fact ("宠物", "充电宝"); the other topics are named by their key.
 */
export const shopFactSchema = z
  .object({
    topic: z.enum(SHOP_FACT_TOPICS, { error: '请选择是哪一类信息' }),
    label: z.string().trim().max(20, '名称最多 20 个字').optional(),
    text: z.string().trim().min(1, '请填写内容').max(300, '每项最多 300 个字'),
  })
  .strict();
export type ShopFact = z.infer<typeof shopFactSchema>;

/** All the merchant's facts at once (the page saves them together): one per topic, `other` as many as needed. */
export const shopFactsUpdateSchema = z
  .object({ facts: z.array(shopFactSchema).max(30, '最多 30 项') })
  .strict()
  .superRefine(({ facts }, ctx) => {
    const seen = new Set<string>();
    facts.forEach((fact, i) => {
      if (fact.topic === 'other') {
        if (!fact.label) ctx.addIssue({ code: 'custom', path: ['facts', i, 'label'], message: '请写上这项叫什么' });
        return;
      }
      if (seen.has(fact.topic))
        ctx.addIssue({
          code: 'custom',
          path: ['facts', i, 'topic'],
          message: `「${SHOP_FACT_LABELS[fact.topic]}」填了两次，请合并成一项`,
        });
      seen.add(fact.topic);
    });
  });
export type ShopFactsUpdate = z.infer<typeof shopFactsUpdateSchema>;

/** Online customer service hours (客服时间) apart from the shop's; null: the same as the shop's opening hours. */
export const serviceHoursUpdateSchema = z.object({ serviceHours: weekSpansSchema.nullable() }).strict();
export type ServiceHoursUpdate = z.infer<typeof serviceHoursUpdateSchema>;

export const merchantDtoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    industry: z.enum(INDUSTRIES),
    timezone: z.string(),
    businessHours: z.array(openingSpanSchema),
    holidays: z.array(holidaySchema),
    /** when the bot answers on 微信客服 by itself */
    autoReply: z.object({ mode: z.enum(AUTO_REPLY_MODES) }).strict(),
    shops: z.array(shopDtoSchema),
    /** what customers ask besides products and policies (payment, delivery platforms, couriers …) */
    facts: z.array(shopFactSchema),
    /** online customer service (客服) hours, same shape as the opening hours; absent: the same as the shop's */
    serviceHours: weekSpansSchema.optional(),
  })
  .strict();
export type MerchantDto = z.infer<typeof merchantDtoSchema>;

const switches = { enabled: z.boolean() };
/** customer scenarios may be allowed to send without approval */
const customerSwitches = { ...switches, autoSend: z.boolean().optional() };
const days = (max: number) => z.number().int().min(1).max(max);

/** Each scenario's switch and knobs (see SCENARIO_PARAM_DEFAULTS); knobs left out keep their defaults. */
export const scenarioSettingsSchema = z
  .object({
    dormant_winback: z.object({ ...customerSwitches, idleDays: days(365).nullable().optional() }).strict(),
    birthday: z
      .object({
        ...customerSwitches,
        gift: z.string().trim().min(1).max(30, '生日礼物最多30个字').nullable().optional(),
      })
      .strict(),
    appointment_cycle: z.object({ ...customerSwitches, defaultCycleDays: days(180).optional() }).strict(),
    member_card_low: z.object({ ...customerSwitches, visitsLeft: z.number().int().min(1).max(20).optional() }).strict(),
    class_hours_low: z.object({ ...customerSwitches, below: z.number().min(1).max(50).optional() }).strict(),
    after_service: z.object({ ...customerSwitches, hours: z.number().int().min(2).max(168).optional() }).strict(),
    class_reminder: z
      .object({ ...customerSwitches, hoursBefore: z.number().min(0.5, '至少提前半小时').max(24).optional() })
      .strict(),
    class_feedback: z
      .object({ ...customerSwitches, minutesAfter: z.number().int().min(0).max(720).optional() })
      .strict(),
    homework_reminder: z
      .object({ ...customerSwitches, at: clockTimeSchema.optional(), escalateAfterDays: days(14).optional() })
      .strict(),
    progress_report: z.object({ ...customerSwitches, day: z.number().int().min(1).max(28).optional() }).strict(),
    closure_notice: z.object({ ...customerSwitches, daysAhead: days(30).optional() }).strict(),
    appointment_reminder: z.object({ ...customerSwitches, at: clockTimeSchema.optional() }).strict(),
    staff_leave: z.object({ ...customerSwitches, daysAhead: days(30).optional() }).strict(),
    activity_signup: z.object({ ...customerSwitches, daysAhead: days(60).optional() }).strict(),
    festival_offer: z.object({ ...customerSwitches, daysAhead: days(30).optional() }).strict(),
    weather_offer: z
      .object({
        ...customerSwitches,
        at: clockTimeSchema.optional(),
        hotC: z.number().int().min(25, '高温线至少25℃').max(42, '高温线最高42℃').optional(),
      })
      .strict(),
    delivery_care: z.object({ ...customerSwitches, afterDays: days(30).optional() }).strict(),
    review_invite: z.object({ ...customerSwitches, afterDays: days(30).optional() }).strict(),
    points_expiring: z.object({ ...customerSwitches, daysBefore: days(20).optional() }).strict(),
    low_stock: z.object({ ...switches, coverDays: days(30).optional() }).strict(),
    expiring_stock: z.object({ ...switches, withinDays: days(30).optional() }).strict(),
    slow_movers: z
      .object({ ...switches, days: days(180).optional(), maxSold: z.number().int().min(0).max(1000).optional() })
      .strict(),
    bad_review: z.object({ ...switches, maxRating: z.number().min(1).max(4).optional() }).strict(),
    new_order: z.object(switches).strict(),
    order_timeout: z
      .object({
        ...switches,
        minutes: z
          .number()
          .int()
          .min(5)
          .max(7 * 24 * 60)
          .optional(),
      })
      .strict(),
    peak_hour: z
      .object({
        ...switches,
        orders: z.number().int().min(2).max(500).optional(),
        minutes: z.number().int().min(1).max(60).optional(),
      })
      .strict(),
    holiday_prep: z.object({ ...switches, daysAhead: days(30).optional() }).strict(),
    customer_left: z.object(switches).strict(),
    handoff_waiting: z.object({ ...switches, minutes: z.number().int().min(1).max(240).optional() }).strict(),
    campaign_failed: z.object(switches).strict(),
    weather_prep: z.object({ ...switches, at: clockTimeSchema.optional() }).strict(),
    shipment_stuck: z.object({ ...switches, stuckHours: z.number().int().min(12).max(240).optional() }).strict(),
    return_rate: z
      .object({
        ...switches,
        days: days(90).optional(),
        maxRate: z.number().min(0.01).max(1).optional(),
        minSold: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
    sales_spike: z
      .object({
        ...switches,
        multiple: z.number().min(1.5).max(20).optional(),
        days: days(28).optional(),
        minUnits: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
    fridge_temperature: z
      .object({
        ...switches,
        minutes: z
          .number()
          .int()
          .min(5)
          .max(24 * 60)
          .optional(),
      })
      .strict(),
    rota_conflict: z
      .object({
        ...switches,
        daysAhead: days(30).optional(),
        minStaff: z.number().int().min(1).max(50).optional(),
        peakOrders: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    redemption_anomaly: z
      .object({
        ...switches,
        count: z.number().int().min(2).max(100).optional(),
        minutes: z.number().int().min(1).max(120).optional(),
      })
      .strict(),
    oversell_risk: z.object(switches).strict(),
    stock_cover: z
      .object({
        ...switches,
        days: days(60).optional(),
        top: z.number().int().min(1).max(50).optional(),
        coverDays: days(60).optional(),
      })
      .strict(),
    message_backlog: z
      .object({
        ...switches,
        minutes: z.number().int().min(5).max(240).optional(),
        minWaiting: z.number().int().min(1).max(100).optional(),
      })
      .strict(),
    daily_report: z.object({ ...switches, at: clockTimeSchema.optional() }).strict(),
    weekly_report: z.object(switches).strict(),
    monthly_report: z.object(switches).strict(),
    cash_forecast: z.object(switches).strict(),
    staff_performance: z.object(switches).strict(),
  })
  .partial()
  .strict();

/** The owner's outreach settings: when customer scenarios run, each scenario's switch and knobs, the contact policy. */
export const outreachSettingsSchema = z
  .object({
    runAt: clockTimeSchema,
    scenarios: scenarioSettingsSchema,
    policy: z
      .object({
        quietStart: clockTimeSchema,
        quietEnd: clockTimeSchema,
        perWeek: z.number().int().min(0).max(14),
        unansweredBeforeCoolDown: z.number().int().min(1).max(10),
        coolDownDays: z.number().int().min(1).max(90),
      })
      .strict(),
  })
  .strict();
export type OutreachSettingsInput = z.infer<typeof outreachSettingsSchema>;

/** A scenario's settings with every knob filled in. */
export type ScenarioSettings<K extends ScenarioKey = ScenarioKey> = {
  enabled: boolean;
  /** customer scenarios only */ autoSend?: boolean;
} & (typeof SCENARIO_PARAM_DEFAULTS)[K];
export interface OutreachSettings {
  runAt: string;
  scenarios: { [K in ScenarioKey]: ScenarioSettings<K> };
  policy: OutreachSettingsInput['policy'];
}

/**
 * The settings in force: what the owner saved, over their industry's template, over the catalogue's defaults. A
 * merchant who never opened the settings gets their industry's template; a new scenario appears with its default.
 */
export function resolveOutreachSettings(
  stored: Partial<OutreachSettingsInput> | undefined,
  industry: Industry,
): OutreachSettings {
  const template = INDUSTRY_TEMPLATES[industry];
  const scenarios = Object.fromEntries(
    SCENARIO_KEYS.map((key) => {
      const saved = stored?.scenarios?.[key] ?? {};
      const forCustomers = SCENARIOS[key].audience === 'customer';
      return [
        key,
        {
          enabled: template.enabled.includes(key),
          ...(forCustomers ? { autoSend: false } : {}),
          ...SCENARIO_PARAM_DEFAULTS[key],
          ...template.params?.[key],
          ...saved,
        },
      ];
    }),
  ) as OutreachSettings['scenarios'];
  return {
    runAt: stored?.runAt ?? DEFAULT_SCENARIO_RUN_AT,
    scenarios,
    policy: { ...CONTACT_POLICY_DEFAULTS, ...stored?.policy },
  };
}

/** An industry's template as savable settings (the owner's run time and contact policy are kept). */
export function applyIndustryTemplate(current: OutreachSettings, industry: Industry): OutreachSettingsInput {
  const fresh = resolveOutreachSettings({ runAt: current.runAt, policy: current.policy }, industry);
  return { runAt: fresh.runAt, policy: fresh.policy, scenarios: fresh.scenarios };
}
