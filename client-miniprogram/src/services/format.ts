// How figures read on a small screen: changes with their sign, waits in seconds or minutes (money: formatFen in
// @xiaoer/common/money).
import type { Compared } from '@xiaoer/common/schemas/report';

/** "+12%" / "-5%" / "" when there was nothing to compare with */
export const change = (c: Compared) =>
  c.changePct === undefined ? '' : `${c.changePct > 0 ? '+' : ''}${c.changePct}%`;

export const waitText = (seconds: number) =>
  !seconds ? '—' : seconds < 60 ? `${seconds}秒` : `${Math.round(seconds / 60)}分钟`;

/** "11-23 14:05" in the phone's time */
export function shortTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "YYYY-MM-DD" of a date in the shop's zone (Asia/Shanghai) */
export function shopDate(d = new Date()): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
