// The report in a few plain-Chinese sentences and two or three things to do next, from the figures alone.
import { formatFen } from '@xiaoer/common/money';
import type { ReportDto } from '@xiaoer/common/schemas/report';

const PREVIOUS_NAME = { day: '前一天', week: '上周', month: '上月' } as const;

export function summarize(r: Omit<ReportDto, 'summary' | 'actions'>): { summary: string; actions: string[] } {
  const f = r.figures;
  const date = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  const when =
    r.period === 'day'
      ? date(r.from)
      : r.period === 'week'
        ? `${date(r.from)}起的一周`
        : `${Number(r.from.slice(5, 7))}月`;
  const change =
    f.revenue.changePct === undefined
      ? ''
      : `，比${PREVIOUS_NAME[r.period]}${f.revenue.changePct >= 0 ? '多' : '少'}${Math.abs(f.revenue.changePct)}%`;
  const parts = [
    `${when}营业额${formatFen(f.revenue.value)}${change}，共${f.orders.value}单，客单价${formatFen(f.averageOrderValue.value)}。`,
  ];
  if (f.consultations.value) {
    const wait = f.firstResponseSeconds.value ? `，顾客平均${waitText(f.firstResponseSeconds.value)}就得到回复` : '';
    parts.push(
      `微信客服接待${f.consultations.value}位顾客，小二自动回复了${f.aiHandledPct.value}%${f.handoffs.value ? `，${f.handoffs.value}次转给了店员` : ''}${wait}。`,
    );
  }
  if (f.newCustomers.value) parts.push(`新加了${f.newCustomers.value}位客户。`);
  if (r.staff?.length) {
    const who = r.staff.slice(0, 3).map((s) => {
      const did = [s.orders ? `${s.orders}单` : '', s.services ? `${s.services}次服务` : ''].filter(Boolean).join('、');
      return `${s.name}${did}，${formatFen(s.revenue)}`;
    });
    parts.push(`员工业绩（按营业额）：${who.join('；')}。`);
  }
  if (r.forecast) {
    const { days, total, weeks } = r.forecast;
    parts.push(
      `未来7天（${date(days[0]!.date)}–${date(days[days.length - 1]!.date)}）营业额预估约${formatFen(total)}：这是按过去${weeks}周同一天的平均营业额估算的，仅供参考，不是保证。`,
    );
  }
  const actions: string[] = [];
  if (r.alerts.badReviews)
    actions.push(`收到${r.alerts.badReviews}条差评：去小程序「提醒」里看看顾客说了什么，小二已经写好了回复`);
  if (f.revenue.changePct !== undefined && f.revenue.changePct <= -10)
    actions.push(
      `营业额下降了${Math.abs(f.revenue.changePct)}%：可以在客户群发一条${r.topItems[0]?.name ?? '招牌'}的限时活动拉一下人气`,
    );
  if (f.dormantCustomers > 0)
    actions.push(`有${f.dormantCustomers}位老客户很久没来了：去小程序「草稿」里看看小二写好的唤醒消息`);
  if (r.slowItems[0])
    actions.push(
      `${r.slowItems
        .map((i) => i.name)
        .slice(0, 2)
        .join('、')}卖得慢：考虑搭配爆款做套餐，或少备一些原料`,
    );
  if (r.alerts.lowStock) actions.push(`有${r.alerts.lowStock}次库存预警：及时补货，别让爆款断货`);
  if (f.handoffs.value >= 3)
    actions.push(`有${f.handoffs.value}次顾客的问题小二答不上来：把常见问题补充进知识库，下次就能自动回答`);
  if (r.topItems[0] && actions.length < 3)
    actions.push(`${r.topItems[0].name}卖得最好（${r.topItems[0].quantity}份）：记得备足原料`);
  return { summary: parts.join(''), actions: actions.slice(0, 3) };
}

const waitText = (seconds: number) => (seconds < 60 ? `${seconds}秒` : `${Math.round(seconds / 60)}分钟`);
