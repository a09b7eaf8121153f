import { SOURCE_CHANNELS, type SourceChannel } from '@xiaoer/common/constants/customer';

export const DEFAULT_WELCOME = '{客户称呼}您好，欢迎来到{店名}！我是您的专属店员，有任何问题直接在这里问我就好～';

/** Fills a welcome template: the channel's own, else the merchant's default, else ours. */
export function renderWelcome(
  templates: { channel: string; text: string }[],
  channel: SourceChannel,
  values: { customerName: string; shopName: string },
): string {
  const template = templates.find((t) => t.channel === channel) ?? templates.find((t) => t.channel === 'default');
  return (template?.text ?? DEFAULT_WELCOME)
    .replaceAll('{客户称呼}', values.customerName)
    .replaceAll('{店名}', values.shopName);
}

/**
 * The 联系我 code's `state` names the source: we issue states as "<channel>" or "<channel>:<detail>" (table_card:12).
 * Anything else (a code made outside Xiaoer) counts as "other".
 */
export function channelFromState(state: string | undefined): SourceChannel {
  const prefix = (state ?? '').split(':')[0] as SourceChannel;
  return SOURCE_CHANNELS.includes(prefix) ? prefix : 'other';
}

export const genderFromWecom = (g: number | undefined) =>
  (g === 1 ? 'male' : g === 2 ? 'female' : 'unknown') as 'male' | 'female' | 'unknown';
