// The scenario knobs an owner may tune, in words, and how a typed value becomes a setting.

export const PARAM_LABELS: Record<string, string> = {
  idleDays: '多少天没来算沉睡',
  defaultCycleDays: '默认到店周期（天）',
  visitsLeft: '余额少于几次提醒',
  below: '剩余课时少于',
  hours: '服务后几小时回访',
  coverDays: '库存少于几天销量',
  withinDays: '几天内到期',
  days: '统计天数',
  maxSold: '卖出少于几件',
  maxRating: '几星及以下算差评',
  minutes: '超过几分钟',
  orders: '几笔以上算高峰',
  daysAhead: '提前几天',
  at: '几点发送（HH:mm）',
  gift: '生日礼物（不填就不提礼物）',
  hoursBefore: '课前几小时提醒',
  minutesAfter: '下课后几分钟发反馈',
  escalateAfterDays: '连续几天没交升级提醒',
  day: '每月几号发送',
  stuckHours: '物流几小时没更新算异常',
  multiple: '超过平时几倍算爆单',
  minUnits: '一小时至少卖几件才提醒',
  maxRate: '退货率超过多少算异常（0.2 = 20%）',
  minSold: '至少卖出几件才算',
  minStaff: '高峰时段至少几人在岗',
  peakOrders: '每小时平均几单以上算高峰',
  count: '几分钟内核销几张算异常',
  afterDays: '签收后几天发送',
  minWaiting: '几位顾客在等才提醒',
  top: '看销量前几名',
  daysBefore: '月底前几天提醒',
  hotC: '最高气温几度算高温（℃）',
};

/** "" → the industry default (null) for days without a visit; times stay text; numbers become numbers. */
export function withParam(param: string, raw: string): Record<string, unknown> {
  const text = raw.trim();
  if (param === 'at') return { at: text };
  if (param === 'gift') return { gift: text || null };
  if (param === 'idleDays' && !text) return { idleDays: null };
  const n = Number(text);
  return Number.isFinite(n) && text ? { [param]: n } : {};
}
