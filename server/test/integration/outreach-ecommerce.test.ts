// An online shop's care after delivery on a controllable clock: three days after a parcel is signed for its buyer is
// asked whether it arrived, with the product's own care notes; a week after, a gentle invitation to review — each with
// its trigger and non-trigger (signed for another day, a refunded order, the customer who opted out), once per parcel
// and stage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import { checkDraft } from '../../src/modules/outreach/draft-check.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';
import { contactWithPhone, setScenarios } from '../support/outreach-drafts.js';

let w: WecomTestApp;
const people: Record<string, CustomerRecord> = {};
// Monday 10:30 in Shanghai, after the owner's run time
const NOW = new Date('2026-11-23T10:30:00+08:00');

async function customer(name: string, phone: string, optedOut = false) {
  const c = await contactWithPhone(w, name, phone, optedOut);
  people[name] = c;
}
const post = (kind: string, body: unknown) =>
  w.app.request(`/api/intake/${kind}`, { token: w.tenant.tokens.manager, body });
const scenario = (key: string) => w.app.container.outreach.scan['d'].scenarios.find((s) => s.key === key)!;
const run = (key: string, now = NOW) => w.app.container.outreach.scan.run(w.tenant.merchantId, scenario(key), now);
const nameOf = (id: unknown) => Object.entries(people).find(([, c]) => String(c._id) === String(id))?.[0];
const texts = async (key: string) =>
  (await w.app.container.repositories.drafts.list(w.tenant.merchantId, { scenario: key }))
    .map((d) => `${nameOf(d.customerId)}|${d.text}`)
    .sort();
const suppressed = async (key: string) =>
  (await w.app.container.repositories.suppressions.list(w.tenant.merchantId))
    .filter((s) => s.scenario === key)
    .map((s) => `${nameOf(s.customerId)}:${s.reason}`);
const order = (externalId: string, item: string, status = 'completed') => ({
  externalId,
  placedAt: '2026-11-14T20:00:00+08:00',
  channel: '线上',
  status,
  amount: 7900,
  items: [{ name: item, quantity: 1, unitPrice: 7900 }],
});
const parcel = (externalId: string, orderId: string | undefined, phone: string, deliveredAt: string) => ({
  externalId,
  carrier: '顺丰',
  ...(orderId ? { orderId } : {}),
  status: 'delivered',
  lastEventAt: deliveredAt,
  deliveredAt,
  customer: { phone },
});

beforeAll(async () => {
  w = await startWecomTestApp();
  await w.app.request('/api/merchant/profile', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { name: w.tenant.merchant.name, industry: '电商' },
  });
  const products = [
    {
      name: '纯棉圆领T恤',
      category: '上衣',
      price: 7900,
      attributes: [
        { name: '材质', value: '纯棉' },
        { name: '洗涤', value: '30度以下手洗，不可漂白' },
      ],
    },
    { name: '保温杯', category: '杯子', price: 5900 },
  ];
  for (const body of products)
    expect((await w.app.request('/api/knowledge/products', { token: w.tenant.tokens.manager, body })).status).toBe(201);
  await customer('买T恤的小王', '13700000001');
  await customer('买杯子的小陈', '13700000002');
  await customer('退款的小李', '13700000003');
  await customer('昨天签收的小张', '13700000004');
  await customer('退订的小孙', '13700000005', true);
  await customer('上周签收的小赵', '13700000006');
  await customer('上周退款的小周', '13700000007');
  await customer('没订单号的小吴', '13700000008');
  expect(
    (
      await post('orders', {
        orders: [
          order('TB-1', '纯棉圆领T恤'),
          order('TB-2', '保温杯'),
          order('TB-3', '纯棉圆领T恤', 'refunded'),
          order('TB-4', '保温杯'),
          order('TB-5', '纯棉圆领T恤'),
          order('TB-6', '纯棉圆领T恤'),
          order('TB-7', '保温杯', 'refunded'),
        ],
      })
    ).status,
  ).toBe(200);
  const res = await post('shipments', {
    shipments: [
      // signed for on Friday 20 Nov, three local days before Monday
      parcel('SF1', 'TB-1', '13700000001', '2026-11-20T00:10:00+08:00'),
      parcel('SF2', 'TB-2', '13700000002', '2026-11-20T23:50:00+08:00'),
      parcel('SF3', 'TB-3', '13700000003', '2026-11-20T12:00:00+08:00'),
      parcel('SF4', 'TB-4', '13700000004', '2026-11-22T12:00:00+08:00'),
      parcel('SF5', 'TB-5', '13700000005', '2026-11-20T12:00:00+08:00'),
      parcel('SF8', undefined, '13700000008', '2026-11-20T09:00:00+08:00'),
      // Monday 16 Nov: a week before
      parcel('SF6', 'TB-6', '13700000006', '2026-11-16T15:00:00+08:00'),
      parcel('SF7', 'TB-7', '13700000007', '2026-11-16T15:00:00+08:00'),
      // Thursday 19 Nov, late: four local days before, not three
      parcel('SF9', 'TB-1', '13700000001', '2026-11-19T23:50:00+08:00'),
    ],
  });
  expect(res.body).toMatchObject({ created: 9, failed: [] });
});
afterAll(() => w.close());

describe('after-delivery care', () => {
  it('says nothing before the run time or while the owner has it switched off', async () => {
    expect(await run('delivery_care', new Date('2026-11-23T09:00:00+08:00'))).toBe('not_due');
    await setScenarios(w, { delivery_care: { enabled: false, afterDays: 3 } });
    expect(await run('delivery_care')).toBe('disabled');
    await setScenarios(w, { delivery_care: { enabled: true, afterDays: 3 } });
  });

  it('asks three days after delivery whether it arrived, with the product’s own care notes, once', async () => {
    expect(await run('delivery_care')).toMatchObject({ drafted: 3, suppressed: 1 });
    expect(await texts('delivery_care')).toEqual([
      '买T恤的小王|买T恤的小王，您买的纯棉圆领T恤签收3天啦，收到了吗？用着还顺手吗？小提示——洗涤：30度以下手洗，不可漂白。有任何问题随时找我～',
      '买杯子的小陈|买杯子的小陈，您买的保温杯签收3天啦，收到了吗？用着还顺手吗？有任何问题随时找我～',
      '没订单号的小吴|没订单号的小吴，您的包裹（顺丰 SF8）签收3天啦，收到了吗？用着还顺手吗？有任何问题随时找我～',
    ]);
    // the refunded order and the parcel signed for yesterday are not found; the opted-out buyer is recorded
    expect(await suppressed('delivery_care')).toEqual(['退订的小孙:opted_out']);
    // the care note is the product's own: a text (an LLM's rewrite) that changes it is refused
    const kb = await w.app.container.knowledge.base.get(w.tenant.merchantId);
    const tee = (
      await w.app.container.repositories.drafts.list(w.tenant.merchantId, { scenario: 'delivery_care' })
    ).find((d) => nameOf(d.customerId) === '买T恤的小王')!;
    expect(tee.citedIds).toEqual([`product:${kb.products.find((p) => p.name === '纯棉圆领T恤')!._id}`]);
    expect(checkDraft(tee.text, tee, kb).ok).toBe(true);
    expect(checkDraft(tee.text.replace('30度', '60度'), tee, kb).violations).toEqual([
      { kind: 'attribute_mismatch', detail: '洗涤：60度以下手洗' },
    ]);
    expect(await run('delivery_care')).toBe('already_done');
    // the next day finds Thursday's parcels no more, and Friday's not again: only Saturday's (none)
    expect(await run('delivery_care', new Date('2026-11-24T10:30:00+08:00'))).toMatchObject({ drafted: 0 });
  });

  it('invites a review a week after delivery, not for a refunded order', async () => {
    expect(await run('review_invite')).toMatchObject({ drafted: 1, suppressed: 0 });
    expect(await texts('review_invite')).toEqual([
      '上周签收的小赵|上周签收的小赵，纯棉圆领T恤签收一周了，用下来感觉怎么样？满意的话，方便时帮我们写个评价吧；有不满意的地方也请直接告诉我，我们来处理～',
    ]);
    // 2 days on, the day-3 parcels are at day 5: no review yet
    expect(await run('review_invite', new Date('2026-11-25T10:30:00+08:00'))).toMatchObject({ drafted: 0 });
  });
});
