import type { FailedCampaign } from '../../campaigns/campaign.service.js';
import type { Detector, NewAlert } from './detector.js';

/** How much of the campaign's text names it in the alert. */
const EXCERPT = 16;
const excerpt = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT ? `${line.slice(0, EXCERPT)}…` : line;
};

/**
 * A scheduled campaign that WeCom kept refusing until it ended failed: what it was, why (WeCom's refusal in the
 * owner's words), what to fix first when WeCom's errcode says, and to send it again. Once per campaign.
 */
export function campaignFailedRule(failed: FailedCampaign): NewAlert {
  const what = excerpt(failed.text);
  return {
    kind: 'campaign_failed',
    key: failed.id,
    level: 'warning',
    title: `定时群发没发出去：${what}`,
    body:
      `定时群发「${what}」试了${failed.attempts}次都没发出去，客户没有收到。原因：${failed.reason}。` +
      (failed.fix ? `请先${failed.fix}，再` : '可以') +
      '在 草稿 → 群发 → 新建群发 里重新发一次。',
    data: { campaignId: failed.id },
  };
}

/** Runs when the schedule job gives a campaign up, not on the scan. */
export const campaignFailedDetector = (): Detector<FailedCampaign> => ({
  kind: 'campaign_failed',
  async detect(_ctx, failed) {
    return [campaignFailedRule(failed)];
  },
});
