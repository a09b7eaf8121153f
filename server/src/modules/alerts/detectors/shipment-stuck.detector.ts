import type { MerchantId } from '../../../tenancy/merchant-id.js';
import { afterReportTime, type NewAlert, type ScanDetector } from './detector.js';

const HOUR_MS = 3_600_000;
/** parcels named in the alert's text; the rest are counted */
const LISTED = 10;

export interface StuckShipmentRow {
  externalId: string;
  carrier?: string;
  orderId?: string;
  status: string;
  lastEventAt: Date;
  lastEvent?: string;
}

export interface ShipmentReader {
  /** parcels not signed for whose tracking has not moved since `before`, longest-stuck first */
  stuckSince(merchantId: MerchantId, before: Date): Promise<StuckShipmentRow[]>;
  /** of these order numbers, those a parcel has been sent for (the oversell check) */
  shippedOrderIds(merchantId: MerchantId, orderIds: string[]): Promise<Set<string>>;
}

const describeParcel = (s: StuckShipmentRow, now: Date) => {
  const hours = Math.floor((now.getTime() - s.lastEventAt.getTime()) / HOUR_MS);
  const name = [s.carrier, s.externalId].filter(Boolean).join(' ');
  const order = s.orderId ? `（订单${s.orderId}）` : '';
  const last = s.lastEvent ? `，最后一条：${s.lastEvent}` : '';
  return `${name}${order}：${hours}小时没有更新${last}`;
};

/** The parcels stuck over the line, in one alert for the day: the longest-stuck named, the rest counted. */
export function shipmentStuckRule(p: {
  stuck: StuckShipmentRow[];
  hours: number;
  now: Date;
  today: string;
}): NewAlert[] {
  if (!p.stuck.length) return [];
  const listed = p.stuck.slice(0, LISTED).map((s) => describeParcel(s, p.now));
  const more = p.stuck.length > LISTED ? `；另有${p.stuck.length - LISTED}个` : '';
  return [
    {
      kind: 'shipment_stuck',
      key: p.today,
      level: 'warning',
      title: `物流异常：${p.stuck.length}个包裹超过${p.hours}小时没有物流更新`,
      body: `${listed.join('；')}${more}。建议联系快递核实，并主动告知买家。`,
      data: {
        hours: p.hours,
        shipments: p.stuck.map((s) => ({ externalId: s.externalId, orderId: s.orderId, lastEventAt: s.lastEventAt })),
      },
    },
  ];
}

/** After the report time, once a day: parcels whose tracking has stood still for `hours` (48) or more. */
export const shipmentStuckDetector = (d: { shipments: Pick<ShipmentReader, 'stuckSince'> }): ScanDetector => ({
  kind: 'shipment_stuck',
  due: afterReportTime,
  async detect({ merchantId, settings, now, today }) {
    const { stuckHours: hours } = settings.shipment_stuck;
    const stuck = await d.shipments.stuckSince(merchantId, new Date(now.getTime() - hours * HOUR_MS));
    return shipmentStuckRule({ stuck, hours, now, today });
  },
});
