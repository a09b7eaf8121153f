// The demo shop's stock and reviews, taken in through the same intake as a real POS would send them, so the owner's
// alerts (low stock, an expiring batch, a fresh bad review) are there to see from the first minute.
import type { Container } from '../app/container.js';
import type { MerchantId } from '../tenancy/merchant-id.js';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString();
const date = (d: Date) => d.toISOString().slice(0, 10);

export async function seedDemoShopData(c: Container, merchantId: MerchantId, now: Date): Promise<void> {
  const inDays = (n: number) => new Date(now.getTime() + n * DAY);
  await c.intake.service.ingest(
    merchantId,
    'stock',
    [
      {
        externalId: '芒果',
        quantity: 18,
        unit: '斤',
        low: 20,
        critical: 8,
        batches: [{ batchNo: 'MG-1121', quantity: 18, expiresOn: date(inDays(3)) }],
      },
      {
        externalId: '鲜牛奶',
        quantity: 6,
        unit: '箱',
        low: 10,
        critical: 4,
        batches: [{ batchNo: 'NN-1120', quantity: 6, expiresOn: date(inDays(2)) }],
      },
      { externalId: '黑糖珍珠', quantity: 40, unit: '包', low: 12, critical: 5 },
      { externalId: '芋泥', quantity: 3, unit: '盒', low: 8, critical: 4 },
      {
        externalId: '椰果',
        quantity: 25,
        unit: '包',
        low: 10,
        critical: 4,
        batches: [{ batchNo: 'YG-1030', quantity: 25, expiresOn: date(inDays(40)) }],
      },
    ],
    { now },
  );
  await c.intake.service.ingest(
    merchantId,
    'reviews',
    [
      {
        externalId: 'MT-RV-20261122-01',
        platform: '美团',
        rating: 5,
        text: '杨枝甘露很好喝，芒果给得很足！',
        at: iso(new Date(now.getTime() - DAY)),
      },
      {
        externalId: 'MT-RV-20261122-02',
        platform: '美团',
        rating: 4,
        text: '出餐有点慢，味道不错',
        at: iso(new Date(now.getTime() - DAY / 2)),
      },
      {
        externalId: 'ELM-RV-20261123-01',
        platform: '饿了么',
        rating: 1,
        text: '等了一个多小时才送到，奶茶都不冰了，珍珠也硬了',
        at: iso(new Date(now.getTime() - 2 * 3600_000)),
      },
    ],
    { now },
  );
}
