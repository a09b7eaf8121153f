// Today at a glance: the figures so far, what waits for the owner (drafts, alerts), the summary and what to do next.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import * as alertsApi from '@xiaoer/common/api/alerts';
import * as learning from '@xiaoer/common/api/learning';
import * as merchants from '@xiaoer/common/api/merchants';
import * as outreach from '@xiaoer/common/api/outreach';
import * as reports from '@xiaoer/common/api/reports';
import { formatFen } from '@xiaoer/common/money';
import type { AlertDto } from '@xiaoer/common/schemas/alert';
import type { ReportDto } from '@xiaoer/common/schemas/report';
import type { WeatherOverviewDto } from '@xiaoer/common/schemas/weather';
import { Figures, type Figure } from '../../components/Figures';
import { ErrorState, Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/client';
import { change, shopDate, waitText } from '../../services/format';
import { sessionStore } from '../../services/session';

interface Today {
  report: ReportDto;
  drafts: number;
  alerts: AlertDto[];
  /** tomorrow at the shop, when its city is set ("中雨转小雨，14~22℃") */
  tomorrow?: WeatherOverviewDto['days'][number];
  /** kinds of question the bot could not answer lately (managers and owners see them) */
  unanswered?: number;
}

export async function loadToday(): Promise<Today> {
  const [report, drafts, alerts, weather, unanswered] = await Promise.all([
    call(reports.report, { query: { period: 'day', date: shopDate() } }),
    call(outreach.drafts, { query: { status: 'pending' } }),
    call(alertsApi.list, { query: { status: 'open' } }),
    call(merchants.weather).catch(() => undefined), // a nicety: today's page does not wait on it
    call(learning.unansweredQuestions, { query: {} }).catch(() => undefined), // likewise
  ]);
  return {
    report,
    drafts: drafts.items.length,
    alerts: alerts.items,
    tomorrow: weather?.days[1],
    unanswered: unanswered?.groups.length,
  };
}

export default function Home() {
  const { data, error, loading, reload } = useAsync(loadToday);
  Taro.useDidShow(() => void reload());
  const me = sessionStore.get()?.staff;
  if (error && !data)
    return (
      <View className="page">
        <ErrorState error={error} onRetry={reload} />
      </View>
    );
  if (!data) return <View className="page">{loading && <Loading />}</View>;
  const f = data.report.figures;
  const figures: Figure[] = [
    ['营业额', formatFen(f.revenue.value), change(f.revenue)],
    ['订单', String(f.orders.value), change(f.orders)],
    ['客单价', formatFen(f.averageOrderValue.value), change(f.averageOrderValue)],
    ['新客户', String(f.newCustomers.value), change(f.newCustomers)],
    ['咨询', String(f.consultations.value), change(f.consultations)],
    ['小二接待', `${f.aiHandledPct.value}%`, ''],
  ];
  const urgent = data.alerts.filter((a) => a.level === 'urgent').length;
  return (
    <View className="page">
      <View className="muted" style={{ marginBottom: '16px' }}>
        {me ? `${me.name}，` : ''}这是今天到现在的经营情况
        {data.tomorrow ? `。明天${data.tomorrow.text}` : ''}
      </View>
      <View className="card">
        <Figures figures={figures} />
        <View className="muted">顾客平均 {waitText(f.firstResponseSeconds.value)} 得到回复</View>
      </View>
      <View className="card row" onClick={() => void Taro.switchTab({ url: '/pages/drafts/index' })}>
        <View>
          <View className="card-title" style={{ marginBottom: 0 }}>
            等你审核的草稿
          </View>
          <View className="muted">小二写好的唤醒、生日、回访消息</View>
        </View>
        <View className="badge" style={{ background: data.drafts ? '#e34d59' : '#c9cdd4' }}>
          {data.drafts}
        </View>
      </View>
      <View className="card row" onClick={() => void Taro.switchTab({ url: '/pages/alerts/index' })}>
        <View>
          <View className="card-title" style={{ marginBottom: 0 }}>
            待处理提醒
          </View>
          <View className="muted">
            {urgent
              ? `其中 ${urgent} 条紧急：${data.alerts.find((a) => a.level === 'urgent')!.title}`
              : '库存、差评、订单超时都会出现在这里'}
          </View>
        </View>
        <View className="badge" style={{ background: urgent ? '#e34d59' : '#c9cdd4' }}>
          {data.alerts.length}
        </View>
      </View>
      {data.unanswered !== undefined && (
        <View className="card row" id="unanswered" onClick={() => void Taro.navigateTo({ url: '/pages/learn/index' })}>
          <View>
            <View className="card-title" style={{ marginBottom: 0 }}>
              小二没答上的问题
            </View>
            <View className="muted">添加答案后，下次顾客这样问小二就会回答</View>
          </View>
          <View className="badge" style={{ background: data.unanswered ? '#e34d59' : '#c9cdd4' }}>
            {data.unanswered}
          </View>
        </View>
      )}
      <View className="card">
        <View className="card-title">小二说</View>
        <View className="summary">{data.report.summary}</View>
        {data.report.actions.map((a, i) => (
          <View className="action" key={a}>
            {i + 1}. {a}
          </View>
        ))}
      </View>
    </View>
  );
}
