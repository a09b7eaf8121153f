import { describe, expect, it } from 'vitest';
import { shipmentStuckDetector, shipmentStuckRule, type StuckShipmentRow } from './shipment-stuck.detector.js';
import { alertContext } from './test-context.js';

const HOUR = 3_600_000;
const now = new Date('2026-11-30T02:00:00Z');
const parcel = (id: string, hoursAgo: number, extra: Partial<StuckShipmentRow> = {}): StuckShipmentRow => ({
  externalId: id,
  status: 'in_transit',
  lastEventAt: new Date(now.getTime() - hoursAgo * HOUR),
  ...extra,
});

describe('stuck shipments rule', () => {
  it('names each stuck parcel with its carrier, order, hours standing still and last event, in one alert for the day', () => {
    const [alert, ...rest] = shipmentStuckRule({
      stuck: [
        parcel('SF123', 73, { carrier: '顺丰', orderId: 'TB-9', lastEvent: '【杭州转运中心】已发出' }),
        parcel('YT456', 49),
      ],
      hours: 48,
      now,
      today: '2026-11-30',
    });
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({
      kind: 'shipment_stuck',
      key: '2026-11-30',
      level: 'warning',
      title: '物流异常：2个包裹超过48小时没有物流更新',
    });
    expect(alert!.body).toBe(
      '顺丰 SF123（订单TB-9）：73小时没有更新，最后一条：【杭州转运中心】已发出；YT456：49小时没有更新。建议联系快递核实，并主动告知买家。',
    );
  });

  it('names ten and counts the rest', () => {
    const stuck = Array.from({ length: 12 }, (_, i) => parcel(`P${i}`, 50));
    const [alert] = shipmentStuckRule({ stuck, hours: 48, now, today: '2026-11-30' });
    expect(alert!.title).toContain('12个包裹');
    expect(alert!.body).toContain('P9：50小时没有更新；另有2个。');
    expect(alert!.body).not.toContain('P10');
  });

  it('says nothing when every parcel moves', () => {
    expect(shipmentStuckRule({ stuck: [], hours: 48, now, today: '2026-11-30' })).toEqual([]);
  });
});

describe('stuck shipments detector', () => {
  it('asks for parcels quiet since the owner’s line (48 hours by default, or as set) after the report time', async () => {
    const asked: Date[] = [];
    const d = shipmentStuckDetector({
      shipments: {
        stuckSince: async (_m, before) => {
          asked.push(before);
          return [parcel('SF1', 60)];
        },
      },
    });
    expect(d.due!(alertContext({ localMinutes: 9 * 60 }))).toBe(true);
    expect(d.due!(alertContext({ localMinutes: 7 * 60 }))).toBe(false);
    const ctx = alertContext({ industry: '电商' });
    expect(await d.detect(ctx)).toHaveLength(1);
    ctx.settings.shipment_stuck.stuckHours = 72;
    await d.detect(ctx);
    expect(asked.map((b) => (ctx.now.getTime() - b.getTime()) / HOUR)).toEqual([48, 72]);
  });
});
