import { orderIntakeSchema, type CustomerRef } from '@xiaoer/common/schemas/intake';
import type { OrderRepository } from '../../orders/order.repository.js';
import { defineKind } from '../intake-kind.js';
import { CUSTOMER_HEADERS, customerFromRow, localTimeToIso, parseItems, pickFrom, yuanCell } from '../sheet-cells.js';

const CHANNELS: [RegExp, string][] = [
  [/外卖|美团外卖|饿了么|配送/, '外卖'],
  [/团购|点评|抖音|核销/, '团购'],
  [/线上|小程序|商城|有赞|微店|微盟|网店/, '线上'],
  [/堂食|门店|店内|自提|收银/, '堂食'],
];
const STATUSES: [RegExp, string][] = [
  [/退款|退单/, 'refunded'],
  [/取消|作废/, 'cancelled'],
  [/已支付|已付款|待制作|制作中|待发货/, 'paid'],
  [/完成|已完成|已核销|已送达/, 'completed'],
];

const hasRef = (ref: CustomerRef | undefined): ref is CustomerRef =>
  Boolean(ref?.externalUserId || ref?.phone || ref?.memberNo);

/** Orders: stored by POS order number, so a replay or a later refund updates the one order. */
export const ordersKind = (orders: OrderRepository) =>
  defineKind({
    name: 'orders',
    schema: orderIntakeSchema,
    async store({ merchantId, match, dryRun, shop }, order) {
      const found = await shop(order.shopId);
      if (found === null) return { result: 'unchanged', rejected: { shopId: `没有找到门店「${order.shopId}」` } };
      const customerId = await match(order.customer);
      const unmatched = !customerId;
      if (dryRun)
        return {
          unmatched,
          result: (await orders.count(merchantId, { externalId: order.externalId })) ? 'updated' : 'created',
        };
      const placedAt = new Date(order.placedAt);
      const result = await orders.upsertByExternalId(merchantId, {
        externalId: order.externalId,
        placedAt,
        channel: order.channel,
        status: order.status,
        amount: order.amount,
        items: order.items,
        ...(customerId ? { customerId } : hasRef(order.customer) ? { customerRef: order.customer } : {}),
        ...(found ? { shopId: found.id } : {}),
        ...(order.staffName ? { staffName: order.staffName } : {}),
      });
      const { externalId, channel, status, amount } = order;
      return {
        unmatched,
        result,
        events: [{ type: 'order', externalId, placedAt, channel, status, amount, created: result === 'created' }],
      };
    },
    sheet: {
      headers: {
        订单号: 'externalId',
        单号: 'externalId',
        订单编号: 'externalId',
        流水号: 'externalId',
        下单时间: 'placedAt',
        时间: 'placedAt',
        日期: 'placedAt',
        交易时间: 'placedAt',
        支付时间: 'placedAt',
        渠道: 'channel',
        来源: 'channel',
        订单来源: 'channel',
        订单类型: 'channel',
        状态: 'status',
        订单状态: 'status',
        金额: 'amount',
        实收: 'amount',
        实收金额: 'amount',
        订单金额: 'amount',
        实付金额: 'amount',
        商品: 'items',
        商品明细: 'items',
        明细: 'items',
        菜品: 'items',
        门店: 'shopId',
        门店名称: 'shopId',
        服务员: 'staffName',
        收银员: 'staffName',
        导购: 'staffName',
        销售员: 'staffName',
        员工: 'staffName',
        会员卡号: 'memberNo',
        卡号: 'memberNo',
        ...CUSTOMER_HEADERS,
      },
      required: { field: 'externalId', name: '订单号' },
      fromRow: (raw) => ({
        externalId: raw.externalId ?? '',
        placedAt: localTimeToIso(raw.placedAt ?? ''),
        channel: pickFrom(CHANNELS, raw.channel, '堂食'),
        status: pickFrom(STATUSES, raw.status, 'completed'),
        amount: yuanCell(raw.amount ?? ''),
        items: parseItems(raw.items ?? ''),
        ...(raw.shopId ? { shopId: raw.shopId } : {}),
        ...(raw.staffName ? { staffName: raw.staffName } : {}),
        ...customerFromRow(raw),
      }),
    },
  });
