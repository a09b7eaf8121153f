// What each kind of 微信客服 message is, in words staff read: the label a picture or a location stands under in a
// conversation, a notification and the bot's log, and a location's coordinates.
import type { MessageRecord } from './kf.repository.js';

type Carried = Pick<MessageRecord, 'msgtype' | 'raw' | 'text'>;

const LABELS: Record<string, string> = {
  image: '图片',
  voice: '语音',
  video: '视频',
  file: '文件',
  location: '位置',
  miniprogram: '小程序',
  link: '链接',
  business_card: '名片',
};

/** The kind in Chinese (图片, 语音 …); 消息 for a kind we have no word for. */
export const kindLabel = (msgtype: string) => LABELS[msgtype] ?? '消息';

export interface KfLocation {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

/** A location message's place (WeCom sends latitude, longitude, name and address); null for anything else. */
export function locationOf(message: Carried): KfLocation | null {
  if (message.msgtype !== 'location') return null;
  const l = (message.raw?.location ?? {}) as Record<string, unknown>;
  const latitude = Number(l.latitude);
  const longitude = Number(l.longitude);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);
  return { latitude, longitude, name: text(l.name), address: text(l.address) };
}

/** The message in one line: its words, or [位置] 名称 地址, [小程序] 标题, [语音] … */
export function describeKfMessage(message: Carried): string {
  if (message.msgtype === 'text') return message.text ?? '';
  const label = `[${kindLabel(message.msgtype)}]`;
  const place = locationOf(message);
  if (place) return [label, place.name, place.address].filter(Boolean).join(' ');
  const body = (message.raw?.[message.msgtype] ?? {}) as Record<string, unknown>;
  const title = typeof body.title === 'string' ? body.title.trim().slice(0, 60) : '';
  return title ? `${label} ${title}` : label;
}
