// Chart options from a report (pure, so they are unit-tested): revenue by day and the best sellers.
import { fenToYuan } from '@xiaoer/common/money';
import type { ReportDto } from '@xiaoer/common/schemas/report';

const GREEN = '#07c160';

/** Revenue per day in yuan, with orders in the tooltip. */
export function revenueTrend(report: Pick<ReportDto, 'daily'>) {
  return {
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: report.daily.map((d) => d.date.slice(5)), axisTick: { show: false } },
    yAxis: { type: 'value', name: '元', splitLine: { lineStyle: { color: '#f0f1f3' } } },
    series: [
      {
        name: '营业额',
        type: report.daily.length > 1 ? 'line' : 'bar',
        smooth: true,
        data: report.daily.map((d) => Math.round(fenToYuan(d.revenue))),
        itemStyle: { color: GREEN },
        areaStyle: { color: 'rgba(7,193,96,0.08)' },
      },
      {
        name: '订单',
        type: 'line',
        data: report.daily.map((d) => d.orders),
        showSymbol: false,
        lineStyle: { opacity: 0 },
        itemStyle: { opacity: 0 },
      },
    ],
  };
}

/** The top items by quantity, the biggest on top. */
export function topItemsBar(report: Pick<ReportDto, 'topItems'>) {
  const items = [...report.topItems].reverse();
  return {
    grid: { left: 112, right: 32, top: 8, bottom: 24 },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'value', splitLine: { lineStyle: { color: '#f0f1f3' } } },
    yAxis: { type: 'category', data: items.map((i) => i.name), axisTick: { show: false } },
    series: [
      {
        name: '销量',
        type: 'bar',
        data: items.map((i) => i.quantity),
        itemStyle: { color: GREEN, borderRadius: [0, 6, 6, 0] },
        barMaxWidth: 18,
      },
    ],
  };
}
