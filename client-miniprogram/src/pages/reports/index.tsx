// Daily, weekly and monthly reports: the figures against the previous period, revenue by day, the best and slowest
// sellers, proactive messages' results, and the plain-Chinese summary.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as reports from '@xiaoer/common/api/reports';
import { formatFen } from '@xiaoer/common/money';
import type { ReportDto, ReportPeriod } from '@xiaoer/common/schemas/report';
import { useState } from 'react';
import { revenueTrend, topItemsBar } from '../../charts/options';
import { Chart } from '../../components/Chart';
import { Figures, type Figure } from '../../components/Figures';
import { Empty, ErrorState, Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { change, waitText } from '../../services/format';

const PERIODS: { key: ReportPeriod; label: string; previous: string }[] = [
  { key: 'day', label: '日报', previous: '前一天' },
  { key: 'week', label: '周报', previous: '上周' },
  { key: 'month', label: '月报', previous: '上月' },
];

export default function Reports() {
  const initial = (Taro.getCurrentInstance().router?.params.period as ReportPeriod) || 'day';
  const [period, setPeriod] = useState<ReportPeriod>(PERIODS.some((p) => p.key === initial) ? initial : 'day');
  // undefined: every shop's (or, for a manager of one shop, theirs)
  const [shopId, setShopId] = useState<string>();
  const { data, error, loading, reload } = useAsync(
    () => call(reports.report, { query: { period, ...(shopId ? { shopId } : {}) } }),
    [period, shopId],
  );
  const meta = PERIODS.find((p) => p.key === period)!;
  return (
    <View className="page">
      <View className="segments">
        {PERIODS.map((p) => (
          <View
            key={p.key}
            className={`segment ${p.key === period ? 'segment-on' : ''}`}
            onClick={() => setPeriod(p.key)}
          >
            {p.label}
          </View>
        ))}
      </View>
      {data && <ShopPicker report={data} selected={shopId} onPick={setShopId} />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {!data && loading && <Loading />}
      {/* a new period or shop is a new chart: ECharts is set up again rather than patched */}
      {data && (
        <ReportView key={`${data.period}:${data.from}:${data.shop?.id ?? ''}`} report={data} previous={meta.previous} />
      )}
    </View>
  );
}

/** A merchant with 2+ shops reads each shop's report; 全部门店 for those who may read them together. */
function ShopPicker(props: { report: ReportDto; selected?: string; onPick: (id?: string) => void }) {
  const { shops = [], everyShop } = props.report;
  if (shops.length < 2) return null;
  const current = props.selected ?? props.report.shop?.id;
  const choices = [...(everyShop ? [{ id: undefined, name: '全部门店' }] : []), ...shops];
  return (
    <View className="segments">
      {choices.map((s) => (
        <View
          key={s.id ?? 'all'}
          className={`segment ${s.id === current ? 'segment-on' : ''}`}
          onClick={() => props.onPick(s.id)}
        >
          {s.name}
        </View>
      ))}
    </View>
  );
}

function ReportView({ report, previous }: { report: ReportDto; previous: string }) {
  const f = report.figures;
  const rows: Figure[] = [
    ['营业额', formatFen(f.revenue.value), change(f.revenue)],
    ['订单', String(f.orders.value), change(f.orders)],
    ['客单价', formatFen(f.averageOrderValue.value), change(f.averageOrderValue)],
    ['回头客占比', `${f.returningPct.value}%`, change(f.returningPct)],
    ['新客户', String(f.newCustomers.value), change(f.newCustomers)],
    ['咨询人数', String(f.consultations.value), change(f.consultations)],
    ['小二接待占比', `${f.aiHandledPct.value}%`, change(f.aiHandledPct)],
    ['转人工', String(f.handoffs.value), change(f.handoffs)],
    ['首次回复', waitText(f.firstResponseSeconds.value), ''],
  ];
  return (
    <View>
      <View className="muted" style={{ margin: '0 4px 16px' }}>
        {report.from === report.to ? report.from : `${report.from} 至 ${report.to}`}，括号里是比{previous}
      </View>
      <View className="card">
        <View className="card-title">小二说</View>
        <View className="summary">{report.summary}</View>
        {report.actions.map((a, i) => (
          <View className="action" key={a}>
            {i + 1}. {a}
          </View>
        ))}
      </View>
      <View className="card">
        <Figures figures={rows} />
      </View>
      <View className="card">
        <View className="card-title">营业额走势</View>
        <Chart label="营业额走势" option={revenueTrend(report)} />
      </View>
      <View className="card">
        <View className="card-title">卖得最好</View>
        {report.topItems.length ? (
          <Chart label="热销商品" option={topItemsBar(report)} height={Math.max(120, report.topItems.length * 40)} />
        ) : (
          <Empty title="这段时间还没有订单" hint="在「我的 → 导入数据」导入收银表格后，这里会列出卖得最好的商品" />
        )}
        {report.slowItems.length > 0 && (
          <View className="muted">卖得慢：{report.slowItems.map((i) => `${i.name}（${i.quantity}）`).join('、')}</View>
        )}
      </View>
      <View className="card">
        <View className="card-title">主动消息效果</View>
        <View className="field">
          <Text>发出</Text>
          <Text>{report.campaigns.sent}</Text>
        </View>
        <View className="field">
          <Text>7 天内回复</Text>
          <Text>{report.campaigns.repliedWithin7Days}</Text>
        </View>
        <View className="field">
          <Text>7 天内下单</Text>
          <Text>{report.campaigns.boughtWithin7Days}</Text>
        </View>
        <View className="field">
          <Text>沉睡客户</Text>
          <Text>{f.dormantCustomers}</Text>
        </View>
        <View className="field">
          <Text>库存 / 临期 / 差评提醒</Text>
          <Text>{`${report.alerts.lowStock} / ${report.alerts.expiringStock} / ${report.alerts.badReviews}`}</Text>
        </View>
      </View>
    </View>
  );
}
