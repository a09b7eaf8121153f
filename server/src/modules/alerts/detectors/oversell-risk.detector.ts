import type { OrderRepository } from '../../orders/order.repository.js';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.service.js';
import { DAY_MS, type NewAlert, type ScanDetector } from './detector.js';
import type { ShipmentReader } from './shipment-stuck.detector.js';

/** paid orders older than this are the platform's problem, not stock about to be oversold */
const PENDING_DAYS = 30;

type Product = Pick<KnowledgeBase['products'][number], 'name' | 'aliases' | 'stock' | 'variants'>;
export interface PendingOrder {
  externalId: string;
  channel: string;
  items: { name: string; quantity: number; specs: string[] }[];
}

/** What is oversold: a variant (黄色 L) when the orders name it, else the product as a whole. */
interface Line {
  label: string;
  stock: number;
  pending: number;
  byChannel: Map<string, number>;
}

const optionsLabel = (options: { value: string }[]) => options.map((o) => o.value).join(' ');

/**
 * Items (a variant where the orders name one) whose counted stock is below the units in orders paid on every channel
 * and not yet shipped: what sells out before the parcels go. Products whose stock is not counted say nothing.
 */
export function oversellRule(p: { products: Product[]; pending: PendingOrder[]; today: string }): NewAlert[] {
  const lines = new Map<string, Line>();
  const add = (label: string, stock: number, quantity: number, channel: string) => {
    const line = lines.get(label) ?? { label, stock, pending: 0, byChannel: new Map<string, number>() };
    line.pending += quantity;
    line.byChannel.set(channel, (line.byChannel.get(channel) ?? 0) + quantity);
    lines.set(label, line);
  };
  for (const order of p.pending)
    for (const item of order.items) {
      const product = p.products.find((x) => x.name === item.name || (x.aliases ?? []).includes(item.name));
      if (!product) continue;
      const variant = (product.variants ?? []).find(
        (v) => v.options.length && v.options.every((o) => item.specs.includes(o.value)),
      );
      if (variant && variant.stock !== undefined)
        add(`${product.name} ${optionsLabel(variant.options)}`, variant.stock, item.quantity, order.channel);
      // a product's own count (with variants, their sum) holds every unit the orders took of it
      if (product.stock !== undefined) add(product.name, product.stock, item.quantity, order.channel);
    }
  return [...lines.values()]
    .filter((l) => l.pending > l.stock)
    .sort((a, z) => z.pending - z.stock - (a.pending - a.stock) || a.label.localeCompare(z.label))
    .map((l) => {
      const channels = [...l.byChannel].map(([channel, n]) => `${channel}${n}件`).join('、');
      return {
        kind: 'oversell_risk' as const,
        key: `${p.today}:${l.label}`,
        level: l.stock === 0 ? ('urgent' as const) : ('warning' as const),
        title: `超卖风险：${l.label}库存${l.stock}件，待发货${l.pending}件`,
        body: `${l.label}库存还有${l.stock}件，已付款没发货的订单要${l.pending}件（${channels}），差${l.pending - l.stock}件。建议尽快补货，或先把各平台的库存改小、暂停销售。`,
        data: { item: l.label, stock: l.stock, pending: l.pending, byChannel: Object.fromEntries(l.byChannel) },
      };
    });
}

/** On every scan, once a day per item: paid orders of the last 30 days that no parcel has been sent for yet. */
export const oversellRiskDetector = (d: {
  orders: Pick<OrderRepository, 'paidItemsSince'>;
  shipments: Pick<ShipmentReader, 'shippedOrderIds'>;
}): ScanDetector => ({
  kind: 'oversell_risk',
  async detect({ merchantId, kb, now, today }) {
    const paid = await d.orders.paidItemsSince(merchantId, new Date(now.getTime() - PENDING_DAYS * DAY_MS));
    if (!paid.length) return [];
    const shipped = await d.shipments.shippedOrderIds(
      merchantId,
      paid.map((o) => o.externalId),
    );
    const pending = paid.filter((o) => !shipped.has(o.externalId));
    return oversellRule({ products: kb.products, pending, today });
  },
});
