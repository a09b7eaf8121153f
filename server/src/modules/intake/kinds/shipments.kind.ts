import { shipmentSchema } from '@xiaoer/common/schemas/shop-data';
import type { ShipmentRepository } from '../../shop-data/shipment.repository.js';
import { defineKind } from '../intake-kind.js';
import { CUSTOMER_HEADERS, customerFromRow, defined, localTimeToIso } from '../sheet-cells.js';
import { withCustomer } from './match-customer.js';

const STATUS_WORDS: [RegExp, string][] = [
  [/签收|已送达|delivered/i, 'delivered'],
  [/异常|疑难|退回|拒收|exception/i, 'exception'],
];
/** A sheet's 物流状态 in the carrier's words (已签收, 运输中, 疑难件) → our status; anything else is on its way. */
const statusCell = (raw: string | undefined) =>
  raw ? (STATUS_WORDS.find(([re]) => re.test(raw))?.[1] ?? 'in_transit') : undefined;

/** Parcel tracking (菜鸟 / 快递100 push, the ERP's 物流 export): stuck parcels reach the owner. */
export const shipmentsKind = (shipments: ShipmentRepository) =>
  defineKind({
    name: 'shipments',
    schema: shipmentSchema,
    async store(ctx, s) {
      // a parcel without its buyer is still worth watching: only after-delivery care needs the customer
      const { fields } = await withCustomer(ctx, s);
      const { deliveredAt, ...rest } = fields;
      return shipments.store(
        ctx.merchantId,
        {
          ...rest,
          lastEventAt: new Date(s.lastEventAt),
          ...(deliveredAt && { deliveredAt: new Date(deliveredAt) }),
        },
        ctx.dryRun,
        { keepLinks: ctx.keepLinks },
      );
    },
    sheet: {
      headers: {
        运单号: 'externalId',
        快递单号: 'externalId',
        物流单号: 'externalId',
        快递公司: 'carrier',
        物流公司: 'carrier',
        订单号: 'orderId',
        物流状态: 'status',
        状态: 'status',
        最新物流时间: 'lastEventAt',
        最后更新时间: 'lastEventAt',
        更新时间: 'lastEventAt',
        最新物流: 'lastEvent',
        物流信息: 'lastEvent',
        签收时间: 'deliveredAt',
        ...CUSTOMER_HEADERS,
      },
      required: { field: 'externalId', name: '运单号' },
      fromRow: (raw) =>
        defined({
          externalId: raw.externalId ?? '',
          carrier: raw.carrier,
          orderId: raw.orderId,
          status: statusCell(raw.status),
          lastEventAt: localTimeToIso(raw.lastEventAt ?? ''),
          lastEvent: raw.lastEvent,
          deliveredAt: raw.deliveredAt ? localTimeToIso(raw.deliveredAt) : undefined,
          ...customerFromRow(raw),
        }),
    },
  });
