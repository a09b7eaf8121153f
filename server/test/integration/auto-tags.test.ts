// Automatic tags: built-ins and the merchant's rules applied to every customer, hand-set tags left alone, the changes
// pushed to WeCom; rule validation and tenant walls.
import type { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const DAY = 86_400_000;
let contacts = 0;

/**
 * A customer the shop has known for 200 days (imported from its till), who now adds a member on WeCom, with orders
 * the given days ago.
 */
async function contact(name: string, orderDaysAgo: number[], item = '杨枝甘露') {
  const known = new Date(Date.now() - 200 * DAY);
  const imported = await buildCustomer(w.app.container, w.tenant.merchantId, {
    name,
    externalUserId: `wmAutoTag${++contacts}`,
    firstContactAt: known,
    lastContactAt: known,
    consentMarketing: false,
  });
  const externalUserId = imported.externalUserId!;
  await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, { name, externalUserId });
  // the worker takes the add event from the inbox: on a busy machine that is more than vi.waitFor's default second
  const c = await vi.waitFor(
    async () => {
      const found = await w.app.container.repositories.customers.findById(w.tenant.merchantId, String(imported._id));
      if (!found?.followStaffIds.length) throw new Error('not yet');
      return found;
    },
    { timeout: 10_000 },
  );
  await w.app.container.repositories.orders.insertMany(
    w.tenant.merchantId,
    orderDaysAgo.map((ago, i) => ({
      externalId: `${name}-${i}`,
      customerId: c._id,
      channel: '堂食' as const,
      status: 'completed' as const,
      items: [{ name: item, quantity: 1, unitPrice: 1800, specs: [] }],
      amount: 1800,
      placedAt: new Date(Date.now() - ago * DAY),
    })),
  );
  return { id: c._id, externalUserId };
}

beforeAll(async () => {
  w = await startWecomTestApp({ role: 'all', env: { JOBS_POLL_MS: '100' } });
});
afterAll(() => w.close());

describe('auto-tagging', () => {
  it('tags customers by the built-ins and the merchant’s rules, keeps hand-set tags, and pushes to WeCom', async () => {
    const regular = await contact('常客', [1, 5, 9, 13, 17, 21]);
    const sleepy = await contact('沉睡客', [40, 50], '芋泥波波奶茶');
    await w.app.container.repositories.customers.update(w.tenant.merchantId, String(regular.id), {
      tags: ['手动标签', '流失客户'],
    });
    const rule = await w.app.request('/api/tag-rules', {
      token: w.tenant.tokens.manager,
      body: { tag: '芒果控', boughtItem: '杨枝甘露', minVisits: 3 },
    });
    expect(rule.status).toBe(201);
    const res = await w.app.request('/api/tag-rules/apply', { token: w.tenant.tokens.manager, body: {} });
    expect(res.body).toEqual({ customers: 2, changed: 2 });
    const tagsOf = async (id: Types.ObjectId) =>
      (await w.app.container.repositories.customers.findById(w.tenant.merchantId, String(id)))!.tags;
    expect((await tagsOf(regular.id)).sort()).toEqual(['手动标签', '芒果控', '高价值客户'].sort()); // the stale 流失客户 is gone
    expect(await tagsOf(sleepy.id)).toEqual(['沉睡客户']);
    // applied again: nothing changes
    expect(
      (await w.app.request('/api/tag-rules/apply', { token: w.tenant.tokens.manager, body: {} })).body.changed,
    ).toBe(0);
    await vi.waitFor(
      () => {
        const tagId = (w.standin.state.tagGroups.get(w.corpId) ?? [])
          .flatMap((g) => g.tags)
          .find((t) => t.name === '沉睡客户')?.id;
        expect(tagId).toBeDefined();
        expect(
          w.standin.state.contacts.get(sleepy.externalUserId)!.followers.get(w.tenant.people.staff.wecomUserId)!.tagIds,
        ).toContain(tagId);
      },
      { timeout: 10_000, interval: 100 },
    );
  });

  it('validates rules, refuses duplicates and built-in names, and keeps merchants apart', async () => {
    const bad = await w.app.request('/api/tag-rules', { token: w.tenant.tokens.manager, body: { tag: '空规则' } });
    expect(bad.status).toBe(400);
    expect(
      (
        await w.app.request('/api/tag-rules', {
          token: w.tenant.tokens.manager,
          body: { tag: '高价值客户', minVisits: 1 },
        })
      ).status,
    ).toBe(400);
    expect(
      (await w.app.request('/api/tag-rules', { token: w.tenant.tokens.manager, body: { tag: '芒果控', minVisits: 1 } }))
        .status,
    ).toBe(409);
    expect((await w.app.request('/api/tag-rules', { token: w.tenant.tokens.staff })).status).toBe(403);
    const other = await buildTenant(w.app.container);
    expect((await w.app.request('/api/tag-rules', { token: other.tokens.manager })).body.items).toEqual([]);
    const mine = (await w.app.request('/api/tag-rules', { token: w.tenant.tokens.manager })).body.items[0];
    expect(
      (await w.app.request(`/api/tag-rules/${mine.id}`, { method: 'DELETE', token: other.tokens.manager })).status,
    ).toBe(404);
    expect(
      (
        await w.app.request(`/api/tag-rules/${mine.id}`, {
          method: 'PUT',
          token: other.tokens.manager,
          body: { tag: '抢来的', minVisits: 1 },
        })
      ).status,
    ).toBe(404);
    expect(
      (await w.app.request('/api/tag-rules/not-an-id', { method: 'DELETE', token: w.tenant.tokens.manager })).status,
    ).toBe(400);
    for (const internal of ['_id', 'merchantId', '__v', 'createdAt']) expect(mine).not.toHaveProperty(internal);
    expect(
      (
        await w.app.request(`/api/tag-rules/${mine.id}`, {
          method: 'PUT',
          token: w.tenant.tokens.manager,
          body: { tag: '芒果控', enabled: false, boughtItem: '杨枝甘露' },
        })
      ).body.enabled,
    ).toBe(false);
  });

  it('takes the spend in fen, and reads a rule stored in yuan as fen from then on', async () => {
    const yuan = await w.app.request('/api/tag-rules', {
      token: w.tenant.tokens.manager,
      body: { tag: '消费满百', minSpendFen: 99.5 },
    });
    expect(yuan.status).toBe(400);
    expect(yuan.body.fields).toMatchObject({ minSpendFen: '金额应以分为单位（整数）' });
    const rule = await w.app.request('/api/tag-rules', {
      token: w.tenant.tokens.manager,
      body: { tag: '消费满百', minSpendFen: 10_000 },
    });
    expect(rule.status).toBe(201);
    expect(rule.body).toMatchObject({ tag: '消费满百', minSpendFen: 10_000 });
    expect(rule.body).not.toHaveProperty('minSpendYuan');

    const other = await buildTenant(w.app.container);
    // eslint-disable-next-line test-boundary/no-raw-collections -- a rule as stored before amounts were fen
    await w.app.container.mongo.collection('tag_rules').insertOne({
      merchantId: other.merchant._id,
      tag: '老规则',
      enabled: true,
      minSpendYuan: 18.5,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const listed = (await w.app.request('/api/tag-rules', { token: other.tokens.manager })).body.items;
    expect(listed).toEqual([{ id: expect.any(String), tag: '老规则', enabled: true, minSpendFen: 1850 }]);
    const [stored] = await w.app.container.repositories.tagRules.list(other.merchantId);
    expect(stored).toMatchObject({ minSpendFen: 1850 });
    expect(stored).not.toHaveProperty('minSpendYuan');
  });
});
