// How the operator's list reads each merchant: where its setup stands and how it is doing today. Pure.
import type { OperatorMerchantDto, SetupLinkStatus } from '@xiaoer/common/schemas/operator';
import { shortTime } from './format';

export const LINK_STATUS_TEXT: Record<SetupLinkStatus, string> = {
  none: '还没发开通链接',
  open: '链接已发，等老板打开',
  expired: '链接已过期，请重新发',
  used: '老板已开通',
  revoked: '链接已作废',
};

export interface Figure {
  label: string;
  value: string;
  /** worth the operator's attention */
  warn?: boolean;
}

/** The setup's milestones the server knows, with how many are reached. */
export function setupFigures(m: OperatorMerchantDto): { reached: number; of: number; figures: Figure[] } {
  const { setup } = m;
  const milestones = [setup.ownerJoined, setup.wecomConnected, setup.staffCount > 1];
  return {
    reached: milestones.filter(Boolean).length,
    of: milestones.length,
    figures: [
      {
        label: '开通链接',
        value: LINK_STATUS_TEXT[setup.link.status],
        warn: setup.link.status === 'expired' || setup.link.status === 'none',
      },
      { label: '老板', value: setup.ownerJoined ? '已加入' : '未加入' },
      { label: '企业微信', value: setup.wecomConnected ? '已连接' : '未连接' },
      { label: '员工', value: `${setup.staffCount} 人` },
    ],
  };
}

/** Today's health; the last callback only matters once WeCom is connected. */
export function healthFigures(m: OperatorMerchantDto): Figure[] {
  const h = m.health;
  return [
    {
      label: '最近回调',
      value: h.lastCallbackAt ? shortTime(h.lastCallbackAt) : '30 天内没有',
      warn: m.setup.wecomConnected && !h.lastCallbackAt,
    },
    { label: '今日机器人回复', value: String(h.botAnswersToday) },
    { label: '今日转人工', value: String(h.handoffsToday) },
    { label: '今日大模型用量', value: `${h.llmTokensToday.toLocaleString('zh-CN')} tokens` },
    { label: '处理失败的事件', value: String(h.failedInboxEvents), warn: h.failedInboxEvents > 0 },
  ];
}

/** A link can be revoked only while it is open (not yet used, not expired). */
export const canRevoke = (m: OperatorMerchantDto) => m.setup.link.status === 'open';
