import type { CampaignPreview, CampaignSendResult } from '@xiaoer/common/schemas/campaign';

/** Who a campaign reaches per staff member and who is left out and why (a few names each); no customer ids. */
export const presentCampaignPreview = (p: CampaignPreview): CampaignPreview => ({
  matched: p.matched,
  senders: p.senders.map((s) => ({ staffId: s.staffId, name: s.name, recipients: s.recipients })),
  excluded: p.excluded.map((e) => ({ reason: e.reason, count: e.count, sample: [...e.sample] })),
});

/** The send: the preview, the tasks made (or scheduled), and what WeCom may already hold. */
export const presentCampaignSendResult = (r: CampaignSendResult): CampaignSendResult => ({
  ...presentCampaignPreview(r),
  tasks: r.tasks.map((t) => ({ id: t.id, staffId: t.staffId, recipients: t.recipients })),
  uncertain: r.uncertain,
  campaignId: r.campaignId,
  status: r.status,
  ...(r.sendAt ? { sendAt: r.sendAt } : {}),
});
