// The interaction formats the group posts invite: "接龙+杨枝甘露+2", "预留+风衣+M", "预约+周六+15:00", "猜+芒果". Read from what
// customers write (微信客服, or replies staff record from the group), with the booking's day and time when given.

export type InteractionKind = 'chain' | 'booking' | 'guess';

export interface ParsedInteraction {
  kind: InteractionKind;
  /** what follows the keyword, trimmed */
  detail: string;
  /** bookings: the day ("11月28日", "周六", "明天") and time ("15:00") they named */
  day?: string;
  time?: string;
}

/**
 * Each industry's formats (the group posts in templates/industries/*.ts invite them): a sign-up list — 接龙 (restaurants),
 * 预留+商品+尺码 (shops), 拼单 (online shops), 报名 / 打卡 (schools); a booking — 预约+日期+时间 (services, tables); a guess
 * or a vote on a new item — 猜 / 投票.
 */
const KEYWORDS: [RegExp, InteractionKind][] = [
  [/^(接龙|预留|拼单|报名|打卡)/, 'chain'],
  [/^预约/, 'booking'],
  [/^(猜|投票)/, 'guess'],
];
const DAY = /(\d{1,2}月\d{1,2}日|\d{1,2}[/-]\d{1,2}|周[一二三四五六日天]|星期[一二三四五六日天]|今天|明天|后天)/;
const TIME = /(\d{1,2})(?:[:：](\d{2})|点(半)?)/;

export function parseInteraction(text: string): ParsedInteraction | null {
  const trimmed = text.trim();
  const hit = KEYWORDS.find(([re]) => re.test(trimmed));
  if (!hit) return null;
  const detail = trimmed
    .replace(hit[0], '')
    .replace(/^[\s+＋:：,，]+/, '')
    .trim();
  if (!detail) return null; // "接龙" alone is a question, not a sign-up
  const parsed: ParsedInteraction = { kind: hit[1], detail };
  if (hit[1] === 'booking') {
    const day = DAY.exec(detail)?.[1];
    const t = TIME.exec(detail);
    if (day) parsed.day = day;
    if (t) {
      let hour = Number(t[1]);
      if (/下午|晚上/.test(detail) && hour < 12) hour += 12;
      parsed.time = `${String(hour).padStart(2, '0')}:${t[2] ?? (t[3] ? '30' : '00')}`;
    }
  }
  return parsed;
}
