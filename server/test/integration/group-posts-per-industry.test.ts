// The group calendar's week per industry, drafted from the real collections: a clothing shop's VIP group hears its own
// formats (预留+商品+尺码) about its own items and nothing about drinks; a milk-tea shop's teaser names the 新品 on its
// menu, a shop without one gets no teaser; and no week claims a self-check the shop never wrote down.
import type { Industry } from '@xiaoer/common/constants/industries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import type { NewProduct } from '../../src/modules/catalog/product.repository.js';
import { buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
const MONDAY = '2026-11-23';

/** A merchant of the industry with these products and one live VIP group; its week drafted, the posts' texts. */
async function weekOf(industry: Industry, products: NewProduct[]) {
  const t = await buildTenant(app.container);
  const c = app.container;
  await c.repositories.merchants.updateProfile(t.merchantId, { name: t.merchant.name, industry });
  await c.repositories.products.insertMany(t.merchantId, products);
  await c.repositories.groupChats.saveFromWecom(t.merchantId, `wr_${industry}_${products.length}`, {
    name: 'VIP群',
    ownerUserId: t.people.staff.wecomUserId,
    notice: '',
    memberCount: 1,
    customerIds: [],
  });
  await c.repositories.groupChats.setLayer(t.merchantId, `wr_${industry}_${products.length}`, 'vip');
  await c.knowledge.base.changed(t.merchantId);
  const outcome = await c.groupPosts.draftWeek(t.merchantId, MONDAY);
  const posts = await c.repositories.groupPosts.list(t.merchantId);
  const kb = await c.knowledge.base.get(t.merchantId);
  return { outcome, posts, kb };
}

const clothing = (name: string, yuan: number, extra: Partial<NewProduct>): NewProduct => ({
  name,
  category: '上装',
  price: yuan * 100,
  specs: [],
  tags: [],
  allergens: [],
  available: true,
  ...extra,
});

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
});
afterAll(() => app.close());

describe('the group calendar per industry', () => {
  it('gives a clothing shop’s VIP group its own items and formats, and no drink', async () => {
    const { posts, kb } = await weekOf('零售', [
      clothing('米白风衣', 399, { tags: ['新品'], description: '落肩版型，垂感面料', stock: 12 }),
      clothing('针织开衫', 199, { stock: 40 }),
      clothing('直筒牛仔裤', 259, { tags: ['爆款'], stock: 25 }),
    ]);
    expect(posts.map((p) => p.topic).sort()).toEqual(
      ['new_item', 'member_price', 'chain_signup', 'weekly_tip'].sort(), // no birthday in a group without customers
    );
    for (const p of posts) expect(p.text).not.toMatch(/饮品|奶茶|菜品|喝|尝尝|自查/);
    const byTopic = Object.fromEntries(posts.map((p) => [p.topic, p]));
    expect(byTopic.chain_signup!.text).toContain('「预留+商品+尺码」');
    expect(byTopic.new_item!.text).toContain('新款米白风衣，399元。落肩版型，垂感面料');
    expect(byTopic.member_price!.text).toContain('针织开衫有现货，199元');
    const cited = (name: string) => `product:${kb.products.find((p) => p.name === name)!._id}`;
    expect(byTopic.new_item!.citedIds).toEqual([cited('米白风衣')]);
    expect(byTopic.member_price!.citedIds).toEqual([cited('针织开衫')]);
  });

  it('teases a milk-tea shop’s 新品 by name, and claims no self-check', async () => {
    const { posts, outcome, kb } = await weekOf('餐饮', MILK_TEA_MENU);
    const teaser = posts.find((p) => p.topic === 'flavour_guess')!;
    const teased = kb.products.find((p) => `product:${p._id}` === teaser.citedIds[0])!;
    expect(teased.tags).toContain('新品');
    expect(teaser.text).toContain(`新品${teased.name}`);
    expect(teaser.text).not.toMatch(/粉色|果香/);
    for (const p of posts) expect(p.text).not.toMatch(/自查|已完成|已检查/);
    expect(outcome.skipped).toContainEqual(expect.objectContaining({ title: '周五食品安全自查' }));
  });

  it('drafts no teaser and no new-item post for a shop whose menu has no 新品', async () => {
    const { posts, outcome } = await weekOf(
      '餐饮',
      MILK_TEA_MENU.map((p) => ({ ...p, tags: p.tags.filter((t) => t !== '新品') })),
    );
    expect(posts.map((p) => p.topic)).not.toContain('flavour_guess');
    expect(posts.map((p) => p.topic)).not.toContain('new_item');
    expect(outcome.skipped.map((s) => s.title)).toEqual(expect.arrayContaining(['周一上新', '猜猜新品']));
    expect(posts.length).toBeGreaterThan(0);
  });
});
