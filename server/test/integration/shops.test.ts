import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMerchant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { asMerchantId } from '../../src/tenancy/merchant-id.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
});
afterAll(() => app.close());

describe('shops', () => {
  it('holds at most five shops per merchant even when added concurrently', async () => {
    const merchantId = asMerchantId((await buildMerchant(app.container))._id);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => app.container.services.shops.add(merchantId, { name: `分店${i}` })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'conflict' });
    const shops = await app.container.services.shops.list(merchantId);
    expect(shops.map((s) => s.slot)).toEqual([1, 2, 3, 4, 5]);
  });
});
