// A POS or platform export as orders: the usual Chinese headers mapped to fields, cells turned into the intake shape
// (yuan → fen, "杨枝甘露x2、芋泥波波" → items, local times → ISO in the shop's zone). Anything that cannot be
// turned is passed on as it is, so validation names the cell.

export const ORDER_HEADERS: Record<string, string> = {
  订单号: 'externalId', 单号: 'externalId', 订单编号: 'externalId', 流水号: 'externalId',
  下单时间: 'placedAt', 时间: 'placedAt', 日期: 'placedAt', 交易时间: 'placedAt', 支付时间: 'placedAt',
  渠道: 'channel', 来源: 'channel', 订单来源: 'channel', 订单类型: 'channel',
  状态: 'status', 订单状态: 'status',
  金额: 'amount', 实收: 'amount', 实收金额: 'amount', 订单金额: 'amount', 实付金额: 'amount',
  商品: 'items', 商品明细: 'items', 明细: 'items', 菜品: 'items',
  手机: 'phone', 手机号: 'phone', 电话: 'phone', 会员手机号: 'phone',
  会员号: 'memberNo', 会员卡号: 'memberNo', 卡号: 'memberNo',
  客户ID: 'externalUserId', 外部联系人ID: 'externalUserId',
};

const CHANNELS: [RegExp, string][] = [
  [/外卖|美团外卖|饿了么|配送/, '外卖'],
  [/团购|点评|抖音|核销/, '团购'],
  [/线上|小程序|商城|有赞|微店|微盟|网店/, '线上'],
  [/堂食|门店|店内|自提|收银/, '堂食'],
];
const STATUSES: [RegExp, string][] = [
  [/退款|退单/, 'refunded'],
  [/取消|作废/, 'cancelled'],
  [/已支付|已付款|待制作|制作中/, 'paid'],
  [/完成|已完成|已核销|已送达/, 'completed'],
];

const LOCAL_TIME = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const pad = (n: string | undefined) => (n ?? '0').padStart(2, '0');

/** "2026/11/20 12:30" (the shop's local time) → "2026-11-20T12:30:00+08:00"; ISO passes through. */
export function localTimeToIso(cell: string, offset = '+08:00'): string {
  const m = LOCAL_TIME.exec(cell.trim());
  if (!m) return cell.trim();
  return `${m[1]}-${pad(m[2])}-${pad(m[3])}T${pad(m[4])}:${pad(m[5])}:${pad(m[6])}${offset}`;
}

/** "¥18.50" → 1850; unreadable → the text itself (validation says it must be a number). */
export function yuanToFen(cell: string): number | string {
  const n = Number(cell.replace(/[¥￥元,\s]/g, ''));
  return cell.trim() && Number.isFinite(n) ? Math.round(n * 100) : cell;
}

/** "杨枝甘露x2、芋泥波波×1、珍珠奶茶" → items (unit prices are not in such exports: 0). */
export function parseItems(cell: string): { name: string; quantity: number; unitPrice: number }[] {
  return cell
    .split(/[、,，;；\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(.+?)\s*[x×X*]\s*(\d+)$/.exec(part);
      return { name: (m?.[1] ?? part).trim(), quantity: m ? Number(m[2]) : 1, unitPrice: 0 };
    });
}

const pick = (table: [RegExp, string][], cell: string | undefined, fallback: string) => {
  const text = cell?.trim() ?? '';
  if (!text) return fallback;
  return table.find(([re]) => re.test(text))?.[1] ?? text;
};

/** One sheet row (fields by name) in the intake shape. */
export function rowToOrder(raw: Record<string, string>): Record<string, unknown> {
  const customer = Object.fromEntries(
    (['externalUserId', 'phone', 'memberNo'] as const).flatMap((k) => (raw[k]?.trim() ? [[k, raw[k]!.trim()]] : [])),
  );
  return {
    externalId: raw.externalId ?? '',
    placedAt: localTimeToIso(raw.placedAt ?? ''),
    channel: pick(CHANNELS, raw.channel, '堂食'),
    status: pick(STATUSES, raw.status, 'completed'),
    amount: yuanToFen(raw.amount ?? ''),
    items: parseItems(raw.items ?? ''),
    ...(Object.keys(customer).length ? { customer } : {}),
  };
}
