// Campaigns (群发) from the console: the audience as the owner picks it, the preview of who receives it per staff
// member and who is left out and why, and the send (one WeCom task per staff member, each confirms it once).
import * as campaigns from '@xiaoer/common/api/campaigns';
import * as tagsApi from '@xiaoer/common/api/tags';
import {
  CAMPAIGN_EXCLUSION_REASONS,
  type CampaignAudience,
  type CampaignPreview,
} from '@xiaoer/common/schemas/campaign';
import { call } from './client';

export const previewCampaign = (audience: CampaignAudience) => call(campaigns.previewCampaign, { body: { audience } });
export const sendCampaign = (audience: CampaignAudience, text: string, key: string) =>
  call(campaigns.sendCampaign, { body: { audience, text, key } });
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
