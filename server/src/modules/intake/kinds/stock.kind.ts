import { stockLevelSchema, stockMovementSchema } from '@xiaoer/common/schemas/shop-data';
import type { ProductStockSync } from '../../catalog/product-stock-sync.js';
import type { StockItemRepository } from '../../shop-data/stock-item.repository.js';
import type { StockMovementRepository } from '../../shop-data/stock-movement.repository.js';
import { defineKind } from '../intake-kind.js';
import { dateCell, defined, localTimeToIso, numberCell, pickFrom } from '../sheet-cells.js';
import { outsideScope, shopOfItem } from './shop-scope.js';

const itemHeaders = (field: string) =>
  Object.fromEntries(['品名', '商品', '商品名称', '原料', '物料名称', '名称'].map((h) => [h, field]));

/**
 * Stock levels as the inventory system counts them (a snapshot replaces the item's level and batches). An item that
 * is a product (or variant) on the menu also sets that product's stock, per shop (catalog/product-stock-sync.ts).
 */
export const stockKind = (items: StockItemRepository, productStock: ProductStockSync) =>
  defineKind({
    name: 'stock',
    schema: stockLevelSchema,
    async store(ctx, { externalId: name, sku, variant, shopId, at, ...level }) {
      const { merchantId, dryRun, shop } = ctx;
      const found = await shop(shopId);
      if (found === null) return { result: 'unchanged', rejected: { shopId: `没有找到门店「${shopId}」` } };
      const refused = outsideScope(ctx, found);
      if (refused) return { result: 'unchanged', rejected: { shopId: refused } };
      // each variant and each shop is its own item for the low-stock alerts ("杨枝甘露 大杯（万达店）")
      const item = [name, variant ?? sku].filter(Boolean).join(' ') + (found ? `（${found.name}）` : '');
      const { result } = await items.storeLevel(merchantId, { name: item, ...level }, dryRun);
      if (dryRun) return { result };
      const shopKey = found ? found.id.toHexString() : '';
      const reportedAt = at ? new Date(at) : new Date();
      await productStock.apply(merchantId, { name, sku, variant, shop: shopKey, quantity: level.quantity, reportedAt });
      return { result, events: [{ type: 'stock', item }] };
    },
    sheet: {
      headers: {
        ...itemHeaders('externalId'),
        库存: 'quantity',
        数量: 'quantity',
        库存数量: 'quantity',
        当前库存: 'quantity',
        结存: 'quantity',
        单位: 'unit',
        预警线: 'low',
        预警库存: 'low',
        安全库存: 'low',
        库存下限: 'low',
        告急线: 'critical',
        最低库存: 'critical',
        到期日: 'expiresOn',
        保质期至: 'expiresOn',
        有效期至: 'expiresOn',
        过期日期: 'expiresOn',
        批次号: 'batchNo',
        批次: 'batchNo',
        规格: 'variant',
        SKU: 'sku',
        规格编码: 'sku',
        商品编码: 'sku',
        门店: 'shopId',
        门店名称: 'shopId',
        盘点时间: 'at',
      },
      required: { field: 'externalId', name: '品名' },
      // One row is one item; an expiry on the row makes the whole quantity one batch.
      fromRow: (raw) => {
        const quantity = numberCell(raw.quantity);
        const expiresOn = dateCell(raw.expiresOn);
        return defined({
          externalId: raw.externalId ?? '',
          quantity,
          unit: raw.unit,
          low: numberCell(raw.low),
          critical: numberCell(raw.critical),
          batches: expiresOn ? [defined({ batchNo: raw.batchNo, quantity, expiresOn })] : undefined,
          variant: raw.variant,
          sku: raw.sku,
          shopId: raw.shopId,
          at: raw.at ? localTimeToIso(raw.at) : undefined,
        });
      },
    },
  });

const REASONS: [RegExp, string][] = [
  [/采购|入库|进货/, 'purchase'],
  [/销售|出库|领用/, 'sale'],
  [/报损|损耗|过期|报废/, 'waste'],
  [/盘点|调整|盘盈|盘亏/, 'adjust'],
];

/** Movements in and out: each applied to the item's level exactly once, however often it is sent. */
export const stockMovementsKind = (movements: StockMovementRepository) =>
  defineKind({
    name: 'stock-movements',
    schema: stockMovementSchema,
    async store(ctx, m) {
      const { merchantId, dryRun } = ctx;
      if (ctx.scope) {
        const named = shopOfItem(m.item);
        const refused = outsideScope(ctx, (named && (await ctx.shop(named))) || undefined);
        if (refused) return { result: 'unchanged', rejected: { item: refused } };
      }
      const { result, changed } = await movements.store(merchantId, { ...m, at: new Date(m.at) }, dryRun);
      const touched = [...new Set(changed.map((c) => c.item))];
      return { result, events: touched.map((item) => ({ type: 'stock' as const, item })) };
    },
    sheet: {
      headers: {
        单据号: 'externalId',
        单号: 'externalId',
        流水号: 'externalId',
        ...itemHeaders('item'),
        数量: 'change',
        变动数量: 'change',
        出入库数量: 'change',
        类型: 'reason',
        出入库类型: 'reason',
        业务类型: 'reason',
        时间: 'at',
        日期: 'at',
        业务时间: 'at',
        到期日: 'expiresOn',
        保质期至: 'expiresOn',
        有效期至: 'expiresOn',
      },
      required: { field: 'externalId', name: '单据号' },
      // Sheets write quantities unsigned; the type says the direction.
      fromRow: (raw) => {
        const reason = pickFrom(REASONS, raw.reason, 'adjust');
        const n = numberCell(raw.change);
        const change = typeof n === 'number' && (reason === 'sale' || reason === 'waste') ? -Math.abs(n) : n;
        return defined({
          externalId: raw.externalId ?? '',
          item: raw.item ?? '',
          change,
          reason,
          at: localTimeToIso(raw.at ?? ''),
          expiresOn: dateCell(raw.expiresOn),
        });
      },
    },
  });
