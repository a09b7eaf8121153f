// Campaigns (群发) from the console: the audience as the owner picks it, the preview of who receives it per staff
// member and who is left out and why, and the send (one WeCom task per staff member, each confirms it once).
import * as campaigns from '@xiaoer/common/api/campaigns';
import * as tagsApi from '@xiaoer/common/api/tags';
import {
  CAMPAIGN_EXCLUSION_REASONS,
  CAMPAIGN_FAILURE_REASONS,
  type CampaignAttachment,
  type CampaignAudience,
  type CampaignPreview,
  type CampaignStatus,
  type CampaignSummary,
} from '@xiaoer/common/schemas/campaign';
import { GROUP_LAYERS } from '@xiaoer/common/constants/groups';
import { call } from './client';
import { shortTime } from './format';

export const previewCampaign = (audience: CampaignAudience) => call(campaigns.previewCampaign, { body: { audience } });
export const sendCampaign = (
  audience: CampaignAudience,
  text: string,
  key: string,
  extra: { sendAt?: string; attachment?: CampaignAttachment } = {},
) => call(campaigns.sendCampaign, { body: { audience, text, key, ...extra } });
export const listCampaigns = () => call(campaigns.listCampaigns).then((r) => r.campaigns);
export const campaignDetail = (id: string) => call(campaigns.campaign, { params: { id } });
export const cancelCampaign = (id: string) => call(campaigns.cancelCampaign, { params: { id } });
export const tagOptions = () =>
  call(tagsApi.corpTags).then((r) => [...new Set(r.groups.flatMap((g) => g.tags))].sort());

/** A new key per confirmed audience and text: a retried tap sends nothing twice, a changed campaign is a new one. */
export const newSendKey = () => `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

/** Toggles one value in a multi-choice list. */
export const toggled = <T>(list: T[] | undefined, value: T): T[] =>
  list?.includes(value) ? list.filter((v) => v !== value) : [...(list ?? []), value];

/** The audience as sent: empty choices dropped, day fields parsed ("" means no bound). */
export function audienceOf(picked: CampaignAudience, minDays: string, maxDays: string): CampaignAudience {
  const days = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const min = days(minDays);
  const max = days(maxDays);
  return {
    ...(picked.tags?.length ? { tags: picked.tags } : {}),
    ...(picked.lifecycle?.length ? { lifecycle: picked.lifecycle } : {}),
    ...(picked.groupLayers?.length ? { groupLayers: picked.groupLayers } : {}),
    ...(min !== undefined || max !== undefined ? { lastVisitDays: { min, max } } : {}),
  };
}

/** The preview in lines the owner reads: how many receive it, and each reason with its count and a few names. */
export function previewLines(p: CampaignPreview) {
  const recipients = p.senders.reduce((n, s) => n + s.recipients, 0);
  return {
    summary: `共 ${p.matched} 位客户，${recipients} 位会收到，分 ${p.senders.length} 个群发任务`,
    senders: p.senders.map((s) => `${s.name}：${s.recipients} 位（在企业微信里确认一次）`),
    excluded: p.excluded.map((e) => ({
      reason: e.reason,
      text: `${CAMPAIGN_EXCLUSION_REASONS[e.reason]} ${e.count} 位`,
      names: e.sample.join('、') + (e.count > e.sample.length ? ' 等' : ''),
    })),
  };
}

const STATUS_TEXT: Record<CampaignStatus, string> = {
  scheduled: '待发送',
  sending: '发送中',
  sent: '已发出',
  cancelled: '已取消',
  failed: '没发出去',
};

/** A campaign's status and time as the list shows it: "待发送 · 10-01 09:00 发" / "已发出 · 09-30 14:05". */
export function statusLine(
  c: Pick<CampaignSummary, 'status' | 'sendAt' | 'sentAt' | 'createdAt' | 'failedReason'>,
): string {
  if (c.status === 'scheduled' && c.sendAt) return `${STATUS_TEXT.scheduled} · ${shortTime(c.sendAt)} 发`;
  if (c.status === 'failed' && c.failedReason) return `${STATUS_TEXT.failed}：${c.failedReason}`;
  return `${STATUS_TEXT[c.status]} · ${shortTime(c.sentAt ?? c.createdAt)}`;
}

/**
 * How a sent campaign went, in the words the owner reads: delivered, not yet confirmed by staff, failed with each
 * reason, and of those reached how many wrote back or ordered within 7 days.
 */
export function resultLines(r: CampaignSummary['results']) {
  return {
    figures: [
      { key: 'sent', label: '已送达', value: r.sent },
      { key: 'unconfirmed', label: '员工未确认', value: r.unconfirmed },
      { key: 'replied', label: '7天内回复', value: r.replied },
      { key: 'bought', label: '7天内下单', value: r.bought },
    ],
    failed: r.failed.map((f) => `${CAMPAIGN_FAILURE_REASONS[f.reason]} ${f.count} 位`),
    checked: r.checkedAt ? `${shortTime(r.checkedAt)} 更新` : '还没有从企业微信取回结果',
  };
}

/** The audience in one line: "标签：周末活动；阶段：沉睡；最近到店 30–90 天前", or everyone. */
export function audienceLine(a: CampaignAudience): string {
  const parts = [
    a.tags?.length ? `标签：${a.tags.join('、')}` : '',
    a.lifecycle?.length ? `阶段：${a.lifecycle.join('、')}` : '',
    a.groupLayers?.length ? `客户群：${a.groupLayers.map((l) => GROUP_LAYERS[l]).join('、')}` : '',
    a.lastVisitDays ? `最近到店 ${a.lastVisitDays.min ?? 0}–${a.lastVisitDays.max ?? '∞'} 天前` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('；') : '全部客户';
}

/** "YYYY-MM-DD" and "HH:mm" picked on the phone, as an instant (the phone's own zone). */
export const pickedInstant = (date: string, time: string) => new Date(`${date}T${time}:00`).toISOString();
