// The 联系我 page as pure functions: the places a code is printed for, the weekly adds as a chart, and the welcome each
// channel sends (its own, or the default one).
import { SOURCE_CHANNEL_LABELS, type SourceChannel } from '@xiaoer/common/constants/customer';
import type { ChannelAddsDto } from '@xiaoer/common/schemas/channel';
import type { WelcomeChannel, WelcomeText } from '@xiaoer/common/schemas/knowledge-template';

/** Where a shop puts a code (groups, 微信客服 and imports bring customers another way). */
export const PLACES: SourceChannel[] = ['table_card', 'receipt', 'flyer', 'delivery_note', 'referral', 'other'];

/** "2026-11-23" → "11/23" */
export const weekLabel = (monday: string) => `${Number(monday.slice(5, 7))}/${Number(monday.slice(8, 10))}`;

export const total = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

const COLOURS = ['#07c160', '#1989fa', '#ff976a', '#7232dd', '#ee0a24', '#8a8f99', '#ffd21e', '#00a2ae', '#c8c9cc'];

/** Customers added per week, one stacked bar series per channel that brought any. */
export function addsChart(adds: ChannelAddsDto) {
  const series = adds.channels
    .filter((c) => total(c.counts) > 0)
    .map((c, i) => ({
      name: SOURCE_CHANNEL_LABELS[c.channel],
      type: 'bar',
      stack: 'adds',
      data: c.counts,
      itemStyle: { color: COLOURS[i % COLOURS.length] },
    }));
  return {
    // drawn at once: a page opened to print or share should not show an empty frame first
    animation: false,
    grid: { left: 32, right: 8, top: 32, bottom: 28 },
    legend: { top: 0, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: adds.weeks.map((w) => `${weekLabel(w)}周`), axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#f0f1f3' } } },
    series,
  };
}

/** The welcome a channel sends: its own, else the default one (`own` false), else none yet. */
export function welcomeOf(items: WelcomeText[], channel: SourceChannel): { text: string; own: boolean } | null {
  const own = items.find((w) => w.channel === channel);
  if (own) return { text: own.text, own: true };
  const fallback = items.find((w) => w.channel === 'default');
  return fallback ? { text: fallback.text, own: false } : null;
}

/** The welcome texts with this channel's set to `text` (added when it had none of its own). */
export function withWelcome(items: WelcomeText[], channel: WelcomeChannel, text: string): WelcomeText[] {
  return items.some((w) => w.channel === channel)
    ? items.map((w) => (w.channel === channel ? { ...w, text } : w))
    : [...items, { channel, text }];
}
