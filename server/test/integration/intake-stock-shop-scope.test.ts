// A 店长 assigned to one shop reports that shop's stock only: a count or a movement for another shop of the merchant,
// or a count for the whole merchant, is a row error, through the API and a spreadsheet alike; the owner (and a
// manager with no shops assigned, who runs the whole business) may report any shop's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShop, buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let t: Awaited<ReturnType<typeof buildTenant>>;
let wandaId: string;
let campusId: string;
const at = '2026-11-30T13:00:00+08:00';

const send = (kind: string, body: unknown, token = t.tokens.manager) =>
  app.request(`/api/intake/${kind}`, { token, body });
const items = async () => (await app.container.shopData.stock.list(t.merchantId)).map((i) => `${i.name}:${i.quantity}`);

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  t = await buildTenant(app.container);
  wandaId = t.shop._id.toHexString();
  campusId = (await buildShop(app.container, t.merchantId, { name: '大学城店' }))._id.toHexString();
  // the manager runs the first shop only
  await app.container.repositories.staff.assign(t.merchantId, t.people.manager._id.toHexString(), {
    shopIds: [wandaId],
  });
});
afterAll(() => app.close());

describe('stock reports within the reporter’s shops', () => {
  it('takes the manager’s own shop and refuses another shop’s count and a merchant-wide one', async () => {
    const res = await send('stock', {
      items: [
        { externalId: '芋泥', quantity: 4, shopId: wandaId, at },
        { externalId: '芋泥', quantity: 9, shopId: '大学城店', at },
        { externalId: '珍珠', quantity: 2, at },
      ],
    });
    expect(res.body).toMatchObject({ received: 3, created: 1 });
    expect(res.body.failed).toEqual([
      { index: 1, externalId: '芋泥', errors: { shopId: '只能提交你负责的门店的库存（大学城店不是）' } },
      { index: 2, externalId: '珍珠', errors: { shopId: '请写明是哪家门店的库存' } },
    ]);
    expect(await items()).toEqual([`芋泥（${t.shop.name}）:4`]);
  });

  it('applies a movement of the manager’s shop’s item only', async () => {
    const owner = await send(
      'stock',
      { items: [{ externalId: '芋泥', quantity: 9, shopId: campusId, at }] },
      t.tokens.owner,
    );
    expect(owner.body).toMatchObject({ created: 1, failed: [] });
    const res = await send('stock-movements', {
      movements: [
        { externalId: 'M1', item: `芋泥（${t.shop.name}）`, change: -1, reason: 'sale', at },
        { externalId: 'M2', item: '芋泥（大学城店）', change: -5, reason: 'waste', at },
      ],
    });
    expect(res.body.failed).toEqual([
      { index: 1, externalId: 'M2', errors: { item: '只能提交你负责的门店的库存（大学城店不是）' } },
    ]);
    expect((await items()).sort()).toEqual([`芋泥（${t.shop.name}）:3`, '芋泥（大学城店）:9'].sort());
  });

  it('refuses another shop’s rows in a spreadsheet the same way', async () => {
    const res = await app.request('/api/intake/stock/import', {
      token: t.tokens.manager,
      body: { format: 'csv', content: `品名,库存,门店\n芋泥,1,大学城店\n`, dryRun: false },
    });
    expect(res.body.failed).toEqual([{ row: 2, errors: { shopId: '只能提交你负责的门店的库存（大学城店不是）' } }]);
  });
});
