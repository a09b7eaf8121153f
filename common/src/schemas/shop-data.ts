import { z } from 'zod';
import {
  customerRefSchema,
  fenSchema,
  MAX_BATCH,
  recordIdSchema,
  requiredText,
  shopRefSchema,
  timestampSchema,
} from './intake.js';
import { isoDateSchema } from './common.js';
import { FESTIVALS } from '../constants/scenarios.js';

/**
 * The shop's other records, as POS, ERP, booking and school systems send them (webhook, API or spreadsheet, like
 * orders). Each has its sender's id, which makes a resend an update, never a second record.
 */

const itemName = requiredText('品名', 60);
const quantity = z.number({ message: '数量必须是数字' }).min(0, '数量不能为负').max(10_000_000);

/** Stock on hand of one item (a product or an ingredient), with optional thresholds and batches by expiry. */

/** Whether one timestamp is after another as instants, not as text: the two may carry different offsets (09:00+08:00 ends at 05:00Z). */
const laterThan = (end: string, start: string) => Date.parse(end) > Date.parse(start);

export const stockLevelSchema = z
  .object({
    externalId: itemName,
    quantity,
    unit: z.string().trim().max(10).default('件'),
    /** level 1 (库存偏低) and level 2 (库存告急); without them the alert follows the item's sales */
    low: quantity.optional(),
    critical: quantity.optional(),
    batches: z
      .array(z.object({ batchNo: z.string().trim().max(40).optional(), quantity, expiresOn: isoDateSchema }).strict())
      .max(50)
      .default([]),
    /** the variant's code in the POS: names the product and its variant on the menu */
    sku: z.string().trim().min(1).max(40).optional(),
    /** the variant's option values (大杯; 黄色 L; 杯型=大杯) when the item is one variant of a menu product */
    variant: z.string().trim().min(1).max(40).optional(),
    /** the shop whose count this is; without it the count is the whole merchant's */
    shopId: shopRefSchema.optional(),
    /** when the POS counted it: an older count arriving after a newer one does not overwrite it */
    at: timestampSchema('盘点时间').optional(),
  })
  .strict()
  .refine((s) => s.low === undefined || s.critical === undefined || s.critical <= s.low, {
    message: '告急线不能高于预警线',
    path: ['critical'],
  });

/** One stock movement: in (purchase), out (sale, waste) or a correction; applied to the level once. */
export const stockMovementSchema = z
  .object({
    externalId: recordIdSchema('单据号'),
    item: itemName,
    change: z
      .number({ message: '变动数量必须是数字' })
      .min(-10_000_000)
      .max(10_000_000)
      .refine((n) => n !== 0, '变动数量不能为 0'),
    reason: z.enum(['purchase', 'sale', 'waste', 'adjust'], { message: '原因只能是 purchase、sale、waste 或 adjust' }),
    at: timestampSchema('发生时间'),
    /** for purchases: the new batch's expiry */
    expiresOn: isoDateSchema.optional(),
  })
  .strict();

export const APPOINTMENT_STATUSES = ['booked', 'completed', 'cancelled', 'no_show'] as const;
export const appointmentSchema = z
  .object({
    externalId: recordIdSchema('预约号'),
    service: requiredText('服务项目', 40),
    startAt: timestampSchema('预约时间'),
    status: z
      .enum(APPOINTMENT_STATUSES, { message: '状态只能是 booked、completed、cancelled 或 no_show' })
      .default('booked'),
    staffName: z.string().trim().max(20).optional(),
    amount: fenSchema.optional(),
    customer: customerRefSchema.optional(),
  })
  .strict();

const gradeSchema = z
  .number({ message: '年级必须是 0–12 的数字' })
  .int()
  .min(0, '年级最小是 0（学前）')
  .max(12, '年级最大是 12（高三）');

/** A course package (课时包) of a student; remainingHours as the school system counts them. */
export const coursePackageSchema = z
  .object({
    externalId: recordIdSchema('课时包编号'),
    course: requiredText('课程名', 40),
    studentName: z.string().trim().max(20).optional(),
    /** the student's school grade: 0 学前, 1–6 小学, 7–9 初中, 10–12 高中 (which activities fit the child) */
    grade: gradeSchema.optional(),
    totalHours: z.number().min(0).max(10_000),
    remainingHours: z.number({ message: '剩余课时必须是数字' }).min(0, '剩余课时不能为负').max(10_000),
    expiresOn: isoDateSchema.optional(),
    customer: customerRefSchema.optional(),
  })
  .strict()
  .refine((p) => p.remainingHours <= p.totalHours, { message: '剩余课时不能多于总课时', path: ['remainingHours'] });

/** One class attended (or missed): a present record uses up its hours of the package once. */
export const attendanceSchema = z
  .object({
    externalId: recordIdSchema('考勤编号'),
    packageId: recordIdSchema('课时包编号'),
    at: timestampSchema('上课时间'),
    hours: z.number().min(0).max(24).default(1),
    status: z
      .enum(['present', 'absent', 'leave'], { message: '状态只能是 present、absent 或 leave' })
      .default('present'),
  })
  .strict();

/** A stored-value or visit card (储值卡 / 次卡). */
export const memberCardSchema = z
  .object({
    externalId: recordIdSchema('卡号'),
    cardName: z.string().trim().max(30).default('会员卡'),
    balance: fenSchema.default(0),
    /** for visit cards (次卡) */
    visitsLeft: z.number().int().min(0).max(10_000).optional(),
    customer: customerRefSchema.optional(),
  })
  .strict();

export const reviewSchema = z
  .object({
    externalId: recordIdSchema('评价编号'),
    platform: z.string().trim().min(1).max(20).default('美团'),
    rating: z
      .number({ message: '评分必须是 1 到 5 的数字' })
      .min(1, '评分必须是 1 到 5 的数字')
      .max(5, '评分必须是 1 到 5 的数字'),
    text: z.string().trim().max(2000).default(''),
    at: timestampSchema('评价时间'),
    orderId: z.string().trim().max(64).optional(),
    customer: customerRefSchema.optional(),
  })
  .strict();

/**
 * A member of the shop's own member list (the existing customers, before Xiaoer): matched to a customer by phone or
 * member number, else kept as a customer who is not yet a WeCom contact, so later orders, appointments and attendance
 * naming the same phone or member number find them. The id is the member number, else the phone.
 */
export const memberSchema = z
  .object({
    externalId: recordIdSchema('会员号或手机号'),
    name: requiredText('姓名', 64),
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, '手机号格式不正确（11 位数字，1 开头）')
      .optional(),
    memberNo: z.string().trim().min(1).max(32, '会员号太长').optional(),
    /** YYYY-MM-DD; 1900 as the year when only month and day are known */
    birthday: isoDateSchema.optional(),
    /** the stored-value card's balance, in fen */
    balance: fenSchema.optional(),
    points: z
      .number({ message: '积分必须是数字' })
      .int('积分须为整数')
      .min(0, '积分不能为负')
      .max(100_000_000)
      .optional(),
  })
  .strict()
  .refine((m) => m.phone || m.memberNo, { message: '手机号和会员号至少要有一个', path: ['phone'] });
export type MemberIntake = z.infer<typeof memberSchema>;

/** A student's class on the school's timetable (排课): the reminder before it and the teacher's feedback after it. */
export const LESSON_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export const lessonSchema = z
  .object({
    externalId: recordIdSchema('排课编号'),
    course: requiredText('课程名', 40),
    startAt: timestampSchema('上课时间'),
    /** without it the class is taken to last an hour */
    endAt: timestampSchema('下课时间').optional(),
    status: z.enum(LESSON_STATUSES, { message: '状态只能是 scheduled、held 或 cancelled' }).default('scheduled'),
    studentName: z.string().trim().max(20).optional(),
    teacher: z.string().trim().max(20).optional(),
    /** what to prepare or preview before the class (预习建议), as the teacher wrote it */
    preparation: z.string().trim().max(200).optional(),
    /** the teacher's notes on the student after the class (课堂反馈): sent to the parent as written */
    feedback: z.string().trim().max(500).optional(),
    /** the student's course package: names the family when `customer` does not */
    packageId: z.string().trim().min(1).max(64).optional(),
    customer: customerRefSchema.optional(),
  })
  .strict()
  .refine((l) => !l.endAt || laterThan(l.endAt, l.startAt), { message: '下课时间要晚于上课时间', path: ['endAt'] });

/** A piece of homework set for a student, and whether it was handed in. */
export const homeworkSchema = z
  .object({
    externalId: recordIdSchema('作业编号'),
    title: requiredText('作业内容', 100),
    dueAt: timestampSchema('截止时间'),
    /** when it was handed in; absent: not yet */
    submittedAt: timestampSchema('提交时间').optional(),
    studentName: z.string().trim().max(20).optional(),
    course: z.string().trim().max(40).optional(),
    packageId: z.string().trim().min(1).max(64).optional(),
    customer: customerRefSchema.optional(),
  })
  .strict();

/** A closure (停课): the school shut for a holiday, for every course or one. */
export const closureSchema = z
  .object({
    externalId: recordIdSchema('停课编号'),
    /** why: 国庆节, 寒假 … */
    reason: requiredText('停课原因', 30),
    startOn: isoDateSchema,
    endOn: isoDateSchema,
    /** the one course closed; absent: the whole school */
    course: z.string().trim().max(40).optional(),
    /** the holiday homework (假期作业安排) to tell the parents with the notice */
    homework: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((c) => c.endOn >= c.startOn, { message: '结束日期不能早于开始日期', path: ['endOn'] });

/** A technician's (staff member's) leave: the bookings with them in it need another technician or another time. */
export const staffLeaveSchema = z
  .object({
    externalId: recordIdSchema('请假编号'),
    /** as bookings name them (appointments' staffName) */
    staffName: requiredText('技师', 20),
    from: timestampSchema('请假开始'),
    to: timestampSchema('请假结束'),
  })
  .strict()
  .refine((l) => laterThan(l.to, l.from), { message: '请假结束要晚于开始', path: ['to'] });

/** Where a parcel is: `delivered` once signed for (签收), `exception` when the carrier flags it (疑难件, 退回 …). */
export const SHIPMENT_STATUSES = ['in_transit', 'delivered', 'exception'] as const;
/**
 * A parcel's tracking (菜鸟 / 快递100 push, or the ERP's 物流 list): a parcel whose tracking stops moving is told to
 * the owner; its signing is when after-delivery care starts.
 */
export const shipmentSchema = z
  .object({
    /** the tracking number (运单号) */
    externalId: recordIdSchema('运单号'),
    carrier: z.string().trim().max(20).optional(),
    /** the order it carries, as the platform numbers it */
    orderId: z.string().trim().min(1).max(64).optional(),
    status: z
      .enum(SHIPMENT_STATUSES, { message: '状态只能是 in_transit、delivered 或 exception' })
      .default('in_transit'),
    /** the time of the latest tracking event (最新物流时间): the parcel has not moved since */
    lastEventAt: timestampSchema('最新物流时间'),
    /** the latest tracking event as the carrier wrote it (【杭州转运中心】已发出) */
    lastEvent: z.string().trim().max(100).optional(),
    /** when it was signed for; absent while on its way */
    deliveredAt: timestampSchema('签收时间').optional(),
    customer: customerRefSchema.optional(),
  })
  .strict();

/** A cold-storage unit: a fridge (冷藏, 0–8°C) or a freezer (冷冻, −25 to −18°C) unless the record sets its range. */
export const DEVICE_TYPES = ['fridge', 'freezer'] as const;
export const DEVICE_RANGES: Record<(typeof DEVICE_TYPES)[number], { min: number; max: number }> = {
  fridge: { min: 0, max: 8 },
  freezer: { min: -25, max: -18 },
};
const celsius = z.number({ message: '温度必须是数字（℃）' }).min(-60).max(100);
/** One temperature reading of a restaurant's fridge or freezer (a sensor's push, or the 温度记录表 kept by hand). */
export const temperatureSchema = z
  .object({
    /** the reading's id in the sensor system (or device + time) */
    externalId: recordIdSchema('记录编号'),
    /** the unit as the shop names it (2号冷冻柜) */
    device: requiredText('设备', 30),
    type: z.enum(DEVICE_TYPES, { message: '设备类型只能是 fridge（冷藏）或 freezer（冷冻）' }).default('fridge'),
    reading: celsius,
    at: timestampSchema('记录时间'),
    /** the unit's own safe range, when it is not the usual one for its type */
    min: celsius.optional(),
    max: celsius.optional(),
    shopId: shopRefSchema.optional(),
  })
  .strict()
  // the range in force, one end the record's and the other its type's, must hold something: else every reading alerts
  .refine((t) => (t.min ?? DEVICE_RANGES[t.type].min) < (t.max ?? DEVICE_RANGES[t.type].max), {
    message: '最低温度要低于最高温度（只填一头时，另一头按冷藏 0～8℃、冷冻 -25～-18℃）',
    path: ['max'],
  });

/** One shift on the rota (排班): who works where and when. */
export const rotaShiftSchema = z
  .object({
    /** the shift's id in the rota system */
    externalId: recordIdSchema('班次编号'),
    /** as leaves name them (staff-leaves' staffName) */
    staffName: requiredText('员工', 20),
    shopId: shopRefSchema.optional(),
    startAt: timestampSchema('上班时间'),
    endAt: timestampSchema('下班时间'),
  })
  .strict()
  .refine((s) => laterThan(s.endAt, s.startAt), { message: '下班时间要晚于上班时间', path: ['endAt'] });

/** A group-buy voucher redeemed at the shop (美团 / 抖音 核销推送, or the platform's 核销记录 export). */
export const redemptionSchema = z
  .object({
    /** the redemption's id on the platform (核销流水号) */
    externalId: recordIdSchema('核销流水号'),
    platform: z.string().trim().min(1).max(10).default('美团'),
    /** the voucher's code (券码): one voucher is redeemed once */
    voucherCode: requiredText('券码', 40),
    /** the deal as the platform names it (双人套餐) */
    deal: z.string().trim().max(40).optional(),
    amount: fenSchema.optional(),
    /** who redeemed it at the till */
    staffName: z.string().trim().min(1).max(20).optional(),
    at: timestampSchema('核销时间'),
    shopId: shopRefSchema.optional(),
  })
  .strict();

/** An activity families sign up for (研学, 比赛, 公开课, 夏令营): offered to the families whose child fits. */
export const activitySchema = z
  .object({
    externalId: recordIdSchema('活动编号'),
    name: requiredText('活动名称', 40),
    /** the day it takes place */
    date: isoDateSchema,
    /** the grades it is for (0 学前 … 12 高三); without them every family of the course is offered it */
    minGrade: gradeSchema.optional(),
    maxGrade: gradeSchema.optional(),
    /** only the families of this course */
    course: z.string().trim().min(1).max(40).optional(),
    /** what it costs, in fen; 0 is free; absent: the message says nothing of cost */
    fee: fenSchema.optional(),
    seats: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
  .refine((a) => a.minGrade === undefined || a.maxGrade === undefined || a.minGrade <= a.maxGrade, {
    message: '最低年级不能高于最高年级',
    path: ['maxGrade'],
  });

/** A member's points that lapse on a day (the member system's 积分到期 batch): told in the last days of the month. */
export const pointsSchema = z
  .object({
    /** the batch's id in the member system (or member number + expiry day) */
    externalId: recordIdSchema('积分记录编号'),
    points: z.number({ message: '积分必须是数字' }).int('积分应为整数').min(0, '积分不能为负'),
    /** the last day they can be used */
    expiresOn: isoDateSchema,
    customer: customerRefSchema,
  })
  .strict();

/** A package the shop offers for a festival of the calendar (FESTIVALS): named to customers as the festival nears. */
export const festivalOfferSchema = z
  .object({
    externalId: recordIdSchema('套餐编号'),
    /** the festival as the calendar names it (春节, 情人节, 中秋节 …) */
    festival: z
      .string({ message: '缺少节日' })
      .trim()
      .refine((f) => FESTIVALS.some((x) => x.name === f), {
        message: '节日须是日历里的节日（如 春节、情人节、中秋节）',
      }),
    name: requiredText('套餐名称', 40),
    /** in fen; absent: the message says nothing of price */
    price: fenSchema.optional(),
    /** what it includes, as the shop writes it */
    content: z.string().trim().max(80).optional(),
  })
  .strict();

/**
 * A student's result in one of the school's tests (阶段测评: 期中测评, 单元测评 …): the month's progress report states
 * it, with the change since the student's previous test of the same subject. Named to the family as lessons are.
 */
export const assessmentSchema = z
  .object({
    externalId: recordIdSchema('测评编号'),
    /** the subject or course tested (数学, 少儿英语): a change is told against the previous test of the same one */
    subject: requiredText('科目', 40),
    /** the test as the school names it (期中测评) */
    name: requiredText('测评名称', 30),
    /** the day it was taken */
    date: isoDateSchema,
    score: z.number({ message: '成绩必须是数字' }).min(0, '成绩不能为负').max(10_000, '成绩太大'),
    fullMarks: z.number({ message: '满分必须是数字' }).positive('满分必须大于 0').max(10_000, '满分太大'),
    /** the teacher's comment on the result (老师评语), told to the parent as written */
    comment: z.string().trim().max(200, '老师评语太长').optional(),
    teacher: z.string().trim().max(20).optional(),
    studentName: z.string().trim().max(20).optional(),
    /** the student's course package: names the family when `customer` does not */
    packageId: z.string().trim().min(1).max(64).optional(),
    customer: customerRefSchema.optional(),
    shopId: shopRefSchema.optional(),
  })
  .strict()
  .refine((a) => a.score <= a.fullMarks, { message: '成绩不能高于满分', path: ['score'] });

/** Every kind of record the intake takes, the body field its batch comes in, and what a person calls it. */
export const INTAKE_KINDS = {
  orders: { field: 'orders', label: '订单' },
  stock: { field: 'items', label: '库存' },
  'stock-movements': { field: 'movements', label: '出入库记录' },
  appointments: { field: 'appointments', label: '预约' },
  'course-packages': { field: 'packages', label: '课时包' },
  attendance: { field: 'attendance', label: '考勤' },
  'member-cards': { field: 'cards', label: '会员卡' },
  reviews: { field: 'reviews', label: '评价' },
  members: { field: 'members', label: '会员' },
  lessons: { field: 'lessons', label: '排课' },
  homework: { field: 'homework', label: '作业' },
  closures: { field: 'closures', label: '停课安排' },
  'staff-leaves': { field: 'leaves', label: '技师请假' },
  shipments: { field: 'shipments', label: '物流' },
  points: { field: 'points', label: '积分到期' },
  temperatures: { field: 'readings', label: '温度记录' },
  rota: { field: 'shifts', label: '排班' },
  redemptions: { field: 'redemptions', label: '团购核销' },
  activities: { field: 'activities', label: '活动报名' },
  'festival-offers': { field: 'offers', label: '节日套餐' },
  assessments: { field: 'assessments', label: '阶段测评' },
} as const;
export type IntakeKindName = keyof typeof INTAKE_KINDS;
export const INTAKE_KIND_NAMES = Object.keys(INTAKE_KINDS) as IntakeKindName[];

/** A batch of one kind: each record is validated on its own, so one bad record does not hold back the rest. */
export const intakeBatchSchema = (kind: IntakeKindName) => {
  const { field, label } = INTAKE_KINDS[kind];
  return z
    .object({
      [field]: z
        .array(z.unknown(), { message: `请把${label}放在 ${field} 列表里` })
        .min(1, `没有${label}`)
        .max(MAX_BATCH, `一次最多 ${MAX_BATCH} 条${label}`),
    })
    .strict();
};
export const batchRecords = (kind: IntakeKindName, body: Record<string, unknown>) =>
  body[INTAKE_KINDS[kind].field] as unknown[];
