import { z } from 'zod';
import { GROUP_LAYERS, type GroupLayer } from '../constants/groups.js';
import { LIFECYCLE_STAGES } from '../constants/lifecycle.js';

/**
 * Who a campaign (群发) is for: customers with any of the tags, in any of the lifecycle stages, members of a group of
 * any of the layers, last visit within the range of days ago. An empty or absent criterion does not narrow.
 */
export const campaignAudienceSchema = z
  .object({
    tags: z.array(z.string().trim().min(1).max(30)).max(20).optional(),
    lifecycle: z.array(z.enum(LIFECYCLE_STAGES)).max(4).optional(),
    groupLayers: z
      .array(z.enum(Object.keys(GROUP_LAYERS) as [GroupLayer, ...GroupLayer[]]))
      .max(5)
      .optional(),
    lastVisitDays: z
      .object({
        min: z.number().int().min(0).max(3650).optional(),
        max: z.number().int().min(0).max(3650).optional(),
      })
      .strict()
      .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, '最近到店的天数范围不对')
      .optional(),
  })
  .strict();
export type CampaignAudience = z.infer<typeof campaignAudienceSchema>;

/** Why a customer in the audience will not receive the campaign. */
export const CAMPAIGN_EXCLUSION_REASONS = {
  opted_out: '已退订',
  not_wecom_contact: '不是企业微信好友',
  contact_deleted: '已删除员工',
  no_follow_staff: '没有跟进员工',
  weekly_cap: '本周已达主动消息上限',
  cool_down: '连续未回复，冷静期中',
  group_send_cap: '已达企业微信群发次数上限',
} as const;
export type CampaignExclusionReason = keyof typeof CAMPAIGN_EXCLUSION_REASONS;
const reasonKeys = Object.keys(CAMPAIGN_EXCLUSION_REASONS) as [CampaignExclusionReason, ...CampaignExclusionReason[]];

export const campaignPreviewRequestSchema = z.object({ audience: campaignAudienceSchema }).strict();

export const campaignPreviewSchema = z
  .object({
    /** customers the audience matched, before exclusions */
    matched: z.number().int(),
    /** who will receive it: one WeCom task per following staff member (more only past WeCom's per-task limit) */
    senders: z.array(z.object({ staffId: z.string(), name: z.string(), recipients: z.number().int() }).strict()),
    excluded: z.array(
      z
        .object({
          reason: z.enum(reasonKeys),
          count: z.number().int(),
          /** a few customers' names, for the owner to recognise */
          sample: z.array(z.string()),
        })
        .strict(),
    ),
  })
  .strict();
export type CampaignPreview = z.infer<typeof campaignPreviewSchema>;

const WEB_ADDRESS = '请填写完整的网址，如 https://…';

/**
 * What goes with the text (WeCom's attachments): a picture, or a mini-program card (title, AppID, page and a cover
 * picture). Pictures are by web address; they are uploaded to WeCom when the campaign goes.
 */
export const campaignAttachmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('image'), url: z.url(WEB_ADDRESS) }).strict(),
  z
    .object({
      kind: z.literal('miniprogram'),
      title: z.string().trim().min(1, '请填写卡片标题').max(20, '卡片标题最多 20 个字'),
      appid: z
        .string()
        .trim()
        .regex(/^wx[0-9a-f]{16}$/, '小程序 AppID 是 wx 开头的 18 位'),
      page: z.string().trim().min(1, '请填写页面路径').max(200),
      coverUrl: z.url(WEB_ADDRESS),
    })
    .strict(),
]);
export type CampaignAttachment = z.infer<typeof campaignAttachmentSchema>;

export const campaignSendRequestSchema = z
  .object({
    audience: campaignAudienceSchema,
    text: z.string().trim().min(1, '请填写群发内容').max(1000),
    /** the console's key for this send (made once per confirm): a retried request makes no second task */
    key: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/)
      .describe('idempotency key'),
    attachment: campaignAttachmentSchema.optional(),
    /** a chosen time (a festival); absent: now. In the merchant's quiet hours it waits until they end. */
    sendAt: z.string().datetime({ offset: true }).optional(),
  })
  .strict();

export const campaignSendResultSchema = campaignPreviewSchema
  .extend({
    /** the tasks made (or found, on a retry): one per staff member, each for its sender to confirm in WeCom */
    tasks: z.array(z.object({ id: z.string(), staffId: z.string(), recipients: z.number().int() }).strict()),
    /**
     * recipients of a task an earlier attempt asked WeCom for and never heard back about: WeCom may hold it, so it is
     * not asked for again (the owner checks WeCom's 客户群发 records)
     */
    uncertain: z.number().int(),
    campaignId: z.string(),
    /** scheduled: nothing is made until sendAt (the preview is the audience as it stands now) */
    status: z.enum(['sent', 'scheduled']),
    sendAt: z.string().optional(),
  })
  .strict();
export type CampaignSendResult = z.infer<typeof campaignSendResultSchema>;

/** Why WeCom did not deliver to a recipient (get_groupmsg_send_result status 2 and 3), or the task was stopped. */
export const CAMPAIGN_FAILURE_REASONS = {
  not_contact: '已不是员工的好友',
  received_other: '已收到过其他群发',
  stopped: '群发已停止',
} as const;
export type CampaignFailureReason = keyof typeof CAMPAIGN_FAILURE_REASONS;
const failureKeys = Object.keys(CAMPAIGN_FAILURE_REASONS) as [CampaignFailureReason, ...CampaignFailureReason[]];

/** How a campaign went, as WeCom and the shop's own records report it (read back every half hour for 8 days). */
export const campaignResultsSchema = z
  .object({
    /** customers the tasks were made for */
    recipients: z.number().int(),
    /** WeCom delivered it */
    sent: z.number().int(),
    failed: z.array(z.object({ reason: z.enum(failureKeys), count: z.number().int() }).strict()),
    /** their staff member has not yet confirmed the task in WeCom */
    unconfirmed: z.number().int(),
    /** of those delivered: wrote back within 7 days of the send */
    replied: z.number().int(),
    /** of those delivered: placed an order within 7 days of the send */
    bought: z.number().int(),
    checkedAt: z.string().optional(),
  })
  .strict();
export type CampaignResults = z.infer<typeof campaignResultsSchema>;

export const CAMPAIGN_STATUSES = ['scheduled', 'sending', 'sent', 'cancelled', 'failed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const campaignSummarySchema = z
  .object({
    id: z.string(),
    text: z.string(),
    status: z.enum(CAMPAIGN_STATUSES),
    /** a scheduled campaign: when it goes */
    sendAt: z.string().optional(),
    /** when its tasks were made */
    sentAt: z.string().optional(),
    /** a campaign that could not go: why, in the owner's words (sending it again is the owner's choice) */
    failedReason: z.string().optional(),
    createdAt: z.string(),
    results: campaignResultsSchema,
  })
  .strict();
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const campaignListSchema = z.object({ campaigns: z.array(campaignSummarySchema) }).strict();

export const campaignDetailSchema = campaignSummarySchema
  .extend({
    audience: campaignAudienceSchema,
    attachment: campaignAttachmentSchema.optional(),
    /** each staff member's task: how many it is for, and whether they confirmed it in WeCom */
    senders: z.array(
      z
        .object({ staffId: z.string(), name: z.string(), recipients: z.number().int(), confirmed: z.boolean() })
        .strict(),
    ),
    /** who the audience matched and was left out when it was sent (or when it was scheduled) */
    excluded: campaignPreviewSchema.shape.excluded,
  })
  .strict();
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;
