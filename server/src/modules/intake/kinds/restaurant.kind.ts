import { DEVICE_RANGES, redemptionSchema, rotaShiftSchema, temperatureSchema } from '@xiaoer/common/schemas/shop-data';
import type { Types } from 'mongoose';
import type { ShopDataRepositories } from '../../shop-data/shop-data.js';
import { defineKind, type StoreContext, type StoreOutcome } from '../intake-kind.js';
import { defined, localTimeToIso, numberCell, pickFrom, yuanCell } from '../sheet-cells.js';

/** The shop a record names, as its id to store; a name that is none of the merchant's shops refuses the record. */
export async function shopOf(
  ctx: StoreContext,
  ref: string | undefined,
): Promise<{ shopId?: Types.ObjectId } | StoreOutcome> {
  const found = await ctx.shop(ref);
  if (found === null) return { result: 'unchanged', rejected: { shopId: `没有找到门店「${ref}」` } };
  return found ? { shopId: found.id } : {};
}
export const refused = (r: object): r is StoreOutcome => 'result' in r;

export const SHOP_HEADERS = { 门店: 'shopId', 门店名称: 'shopId' };

/** Fridge and freezer readings (sensor pushes, or the hand-kept 温度记录表): an episode out of range reaches the owner. */
export const temperaturesKind = (repo: ShopDataRepositories['temperatures']) =>
  defineKind({
    name: 'temperatures',
    schema: temperatureSchema,
    async store(ctx, { shopId: ref, at, ...t }) {
      const shop = await shopOf(ctx, ref);
      if (refused(shop)) return shop;
      const range = DEVICE_RANGES[t.type];
      const min = t.min ?? range.min;
      const max = t.max ?? range.max;
      const outOfRange = t.reading < min || t.reading > max;
      return repo.store(ctx.merchantId, { ...t, ...shop, at: new Date(at), min, max, outOfRange }, ctx.dryRun);
    },
    sheet: {
      headers: {
        记录编号: 'externalId',
        编号: 'externalId',
        设备: 'device',
        设备名称: 'device',
        冰箱: 'device',
        设备类型: 'type',
        类型: 'type',
        温度: 'reading',
        '温度(℃)': 'reading',
        记录时间: 'at',
        时间: 'at',
        最低温度: 'min',
        最高温度: 'max',
        ...SHOP_HEADERS,
      },
      required: { field: 'device', name: '设备' },
      fromRow: (raw) =>
        defined({
          // a hand-kept log has no reading ids: the device and the time name the reading
          externalId: raw.externalId ?? `${raw.device ?? ''}@${raw.at ?? ''}`,
          device: raw.device ?? '',
          type: pickFrom(
            [
              [/冷冻|冻/, 'freezer'],
              [/冷藏|保鲜/, 'fridge'],
            ],
            raw.type,
          ),
          reading: numberCell(raw.reading),
          at: localTimeToIso(raw.at ?? ''),
          min: numberCell(raw.min),
          max: numberCell(raw.max),
          shopId: raw.shopId,
        }),
    },
  });

/** The rota's shifts (排班): overlaps, shifts in a leave and thin peak hours reach the owner. */
export const rotaKind = (repo: ShopDataRepositories['rota']) =>
  defineKind({
    name: 'rota',
    schema: rotaShiftSchema,
    async store(ctx, { shopId: ref, startAt, endAt, ...s }) {
      const shop = await shopOf(ctx, ref);
      if (refused(shop)) return shop;
      return repo.store(
        ctx.merchantId,
        { ...s, ...shop, startAt: new Date(startAt), endAt: new Date(endAt) },
        ctx.dryRun,
      );
    },
    sheet: {
      headers: {
        班次编号: 'externalId',
        编号: 'externalId',
        员工: 'staffName',
        姓名: 'staffName',
        上班时间: 'startAt',
        开始时间: 'startAt',
        下班时间: 'endAt',
        结束时间: 'endAt',
        ...SHOP_HEADERS,
      },
      required: { field: 'staffName', name: '员工' },
      fromRow: (raw) =>
        defined({
          externalId: raw.externalId ?? `${raw.staffName ?? ''}@${raw.startAt ?? ''}`,
          staffName: raw.staffName ?? '',
          startAt: localTimeToIso(raw.startAt ?? ''),
          endAt: localTimeToIso(raw.endAt ?? ''),
          shopId: raw.shopId,
        }),
    },
  });

/** Group-buy redemptions (美团 / 抖音 核销): a voucher used twice, a burst by one person, redemptions while closed. */
export const redemptionsKind = (repo: ShopDataRepositories['redemptions']) =>
  defineKind({
    name: 'redemptions',
    schema: redemptionSchema,
    async store(ctx, { shopId: ref, at, ...r }) {
      const shop = await shopOf(ctx, ref);
      if (refused(shop)) return shop;
      const when = new Date(at);
      const { result } = await repo.store(ctx.merchantId, { ...r, ...shop, at: when }, ctx.dryRun);
      const { externalId, voucherCode, staffName } = r;
      return {
        result,
        events: [{ type: 'redemption', externalId, voucherCode, staffName, at: when, created: result === 'created' }],
      };
    },
    sheet: {
      headers: {
        核销流水号: 'externalId',
        流水号: 'externalId',
        平台: 'platform',
        券码: 'voucherCode',
        团购券码: 'voucherCode',
        套餐: 'deal',
        团购名称: 'deal',
        商品名称: 'deal',
        金额: 'amount',
        核销人: 'staffName',
        核销员工: 'staffName',
        操作人: 'staffName',
        核销时间: 'at',
        ...SHOP_HEADERS,
      },
      required: { field: 'voucherCode', name: '券码' },
      fromRow: (raw) =>
        defined({
          // without the platform's 流水号, the code and the time name the redemption (a second use is a second row)
          externalId: raw.externalId ?? `${raw.voucherCode ?? ''}@${raw.at ?? ''}`,
          platform: raw.platform,
          voucherCode: raw.voucherCode ?? '',
          deal: raw.deal,
          amount: raw.amount ? yuanCell(raw.amount) : undefined,
          staffName: raw.staffName,
          at: localTimeToIso(raw.at ?? ''),
          shopId: raw.shopId,
        }),
    },
  });
