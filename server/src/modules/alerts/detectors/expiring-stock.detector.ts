import { addDays } from '../../clock/period.js';
import { batchesOnHand, expiringBy } from '../alert-rules.js';
import { afterReportTime, type NewAlert, type ScanDetector } from './detector.js';
import type { StockLevelRow, StockReader } from './readers.js';

/** Batches still on the shelf that expire by `lastDay`: expired ones are urgent, the rest a nudge to use them. */
export function expiringStockRule(items: StockLevelRow[], today: string, lastDay: string): NewAlert[] {
  return items.flatMap((item) =>
    expiringBy(batchesOnHand(item.quantity, item.batches), lastDay).map((b) => {
      const expired = b.expiresOn < today;
      return {
        kind: 'expiring_stock' as const,
        key: `${item.name}:${b.batchNo ?? b.expiresOn}`,
        level: expired ? ('urgent' as const) : ('warning' as const),
        title: `${expired ? '已过期' : '临期提醒'}：${item.name}`,
        body: expired
          ? `${item.name}有${b.quantity}${item.unit}已于${b.expiresOn}过期，请立即下架处理。`
          : `${item.name}有${b.quantity}${item.unit}将于${b.expiresOn}到期，建议优先使用，或在客户群做个小促销消耗掉。`,
        data: {
          item: item.name,
          quantity: b.quantity,
          unit: item.unit,
          expiresOn: b.expiresOn,
          ...(b.batchNo ? { batchNo: b.batchNo } : {}),
        },
      };
    }),
  );
}

/** Each batch told once; read after the owner's report time. */
export const expiringStockDetector = (d: { stock: Pick<StockReader, 'withBatchesExpiringBy'> }): ScanDetector => ({
  kind: 'expiring_stock',
  due: afterReportTime,
  async detect({ merchantId, settings, today }) {
    const lastDay = addDays(today, settings.expiring_stock.withinDays);
    return expiringStockRule(await d.stock.withBatchesExpiringBy(merchantId, lastDay), today, lastDay);
  },
});
