// E-commerce owner alerts from the shop's own pushes, on a controllable clock: parcels whose tracking stands still
// (菜鸟 / 快递100 through the shipments intake); an item selling far over its usual hour as orders arrive;
// products refunded far more than the rest.
import type { ScenarioKey } from '@xiaoer/common/constants/scenarios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setScenarios } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;

const post = (path: string, body: unknown) =>
  w.app.request(`/api/intake/${path}`, { token: w.tenant.tokens.manager, body });
const alerts = (kind: ScenarioKey) => w.app.container.alerts.repository.raised(w.tenant.merchantId, kind);
const scan = (iso: string) => w.app.container.alerts.owner.scan(w.tenant.merchantId, new Date(iso));

beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

describe('stuck parcels', () => {
  beforeAll(async () => {
    const res = await post('shipments', {
      shipments: [
        {
          externalId: 'SF1001',
          carrier: '顺丰',
          orderId: 'TB-88',
          lastEventAt: '2026-11-27T09:00:00+08:00',
          lastEvent: '【杭州转运中心】已发出',
        },
        // moving: tracked 40 hours before the scan
        { externalId: 'YT2002', carrier: '圆通', lastEventAt: '2026-11-28T18:00:00+08:00' },
        // signed for long ago: not stuck
        {
          externalId: 'ZT3003',
          status: 'delivered',
          lastEventAt: '2026-11-25T12:00:00+08:00',
          deliveredAt: '2026-11-25T12:00:00+08:00',
        },
        { externalId: 'BAD', lastEventAt: '昨天' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 3, failed: [{ index: 3, externalId: 'BAD' }] });
  });

  it('says nothing while the owner has it switched off', async () => {
    await setScenarios(w, { shipment_stuck: { enabled: false } });
    await scan('2026-11-30T10:00:00+08:00');
    expect(await alerts('shipment_stuck')).toEqual([]);
  });

  it('lists, after the report time, the parcels whose tracking stood still over 48 hours, once a day', async () => {
    await setScenarios(w, { shipment_stuck: { enabled: true } });
    await scan('2026-11-30T07:00:00+08:00'); // before the report time
    expect(await alerts('shipment_stuck')).toEqual([]);
    await scan('2026-11-30T10:00:00+08:00');
    await scan('2026-11-30T10:15:00+08:00');
    const raised = await alerts('shipment_stuck');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ title: '物流异常：1个包裹超过48小时没有物流更新', notify: 'sent' });
    expect(raised[0]!.body).toBe(
      '顺丰 SF1001（订单TB-88）：73小时没有更新，最后一条：【杭州转运中心】已发出。建议联系快递核实，并主动告知买家。',
    );
  });

  it('follows the owner’s line and a parcel’s later tracking', async () => {
    await setScenarios(w, { shipment_stuck: { enabled: true, stuckHours: 36 } });
    await post('shipments', {
      shipments: [
        { externalId: 'SF1001', carrier: '顺丰', orderId: 'TB-88', lastEventAt: '2026-11-30T20:00:00+08:00' },
      ],
    });
    await scan('2026-12-01T10:00:00+08:00');
    const [latest] = (await alerts('shipment_stuck')).filter((a) => a.key === '2026-12-01');
    expect(latest!.body).toMatch(/^圆通 YT2002：64小时没有更新。/);
  });
});

describe('sales spikes', () => {
  const MIN = 60_000;
  const DAY = 86_400_000;
  const sale = (id: string, msAgo: number, name: string, quantity: number) => ({
    externalId: id,
    placedAt: new Date(Date.now() - msAgo).toISOString(),
    channel: '线上',
    amount: quantity * 5900,
    items: [{ name, quantity, unitPrice: 5900 }],
  });
  const spikes = async () => (await alerts('sales_spike')).map((a) => a.title);

  beforeAll(async () => {
    // the past week at this hour: 2 保温杯 and 5 雨伞 a day
    const past = Array.from({ length: 7 }, (_, i) => [
      sale(`P-CUP-${i}`, (i + 1) * DAY + 20 * MIN, '保温杯', 2),
      sale(`P-UMB-${i}`, (i + 1) * DAY + 20 * MIN, '雨伞', 5),
    ]).flat();
    expect((await post('orders', { orders: past })).status).toBe(200);
  });

  it('says nothing while switched off', async () => {
    await setScenarios(w, { sales_spike: { enabled: false } });
    await post('orders', { orders: [sale('S-1', 10 * MIN, '保温杯', 12)] });
    expect(await spikes()).toEqual([]);
  });

  it('tells the owner when an item’s hour runs over three times its usual, not when it stays under', async () => {
    await setScenarios(w, { sales_spike: { enabled: true } });
    // 雨伞: 12 against its usual 5 is under three times; 保温杯: 12 + 1 against its usual 2
    await post('orders', { orders: [sale('S-2', 5 * MIN, '雨伞', 12), sale('S-3', 2 * MIN, '保温杯', 1)] });
    expect(await spikes()).toEqual(['爆单预警：保温杯一小时卖了13件']);
    const [alert] = await alerts('sales_spike');
    expect(alert!.body).toBe(
      '保温杯最近一小时卖了13件，是过去7天同一时段平均（2件）的6.5倍。建议看看库存够不够、及时补货或调配。',
    );
    await post('orders', { orders: [sale('S-4', MIN, '保温杯', 3)] }); // once a day per item
    expect(await spikes()).toHaveLength(1);
  });
});

describe('return-rate outliers', () => {
  const orders = (item: string, count: number, refunded: number) =>
    Array.from({ length: count }, (_, i) => ({
      externalId: `R-${item}-${i}`,
      placedAt: '2026-11-20T12:00:00+08:00',
      channel: '线上',
      status: i < refunded ? 'refunded' : 'completed',
      amount: 9900,
      items: [{ name: item, quantity: 1, unitPrice: 9900 }],
    }));
  const outliers = () => alerts('return_rate');

  beforeAll(async () => {
    const batch = [
      ...orders('连衣裙', 10, 4),
      ...orders('T恤', 20, 1),
      ...orders('袜子', 3, 2),
      ...orders('帽子', 40, 0),
    ];
    expect((await post('orders', { orders: batch })).status).toBe(200);
  });

  it('says nothing while switched off', async () => {
    await setScenarios(w, { return_rate: { enabled: false } });
    await scan('2026-11-30T10:00:00+08:00');
    expect(await outliers()).toEqual([]);
  });

  it('names on Monday the products refunded over the line and twice the shop’s rate, leaving out items sold too few', async () => {
    await setScenarios(w, { return_rate: { enabled: true } });
    await scan('2026-11-30T07:00:00+08:00'); // before the report time
    expect(await outliers()).toEqual([]);
    await scan('2026-11-30T10:00:00+08:00');
    const [alert, ...rest] = await outliers();
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ title: '退货率异常：1个商品', notify: 'sent' });
    // the shop's average counts every order of the window (the sales-spike orders above too)
    expect(alert!.body).toMatch(
      /^近30天连衣裙退了4\/10件（40%），全店平均\d+%。建议查看这些商品的差评和退货原因，核对描述、尺码和质量。$/,
    );
  });
});

describe('oversell risk across channels', () => {
  const paid = (externalId: string, channel: string, name: string, quantity: number, specs: string[] = []) => ({
    externalId,
    placedAt: '2026-11-29T12:00:00+08:00',
    channel,
    status: 'paid',
    amount: quantity * 19900,
    items: [{ name, quantity, unitPrice: 19900, specs }],
  });
  const risks = async () => (await alerts('oversell_risk')).map((a) => a.title).sort();

  beforeAll(async () => {
    const products = [
      { name: '蓝牙耳机', category: '数码', price: 19900, stock: 3 },
      { name: '充电宝', category: '数码', price: 9900, stock: 10 },
      {
        name: '连帽卫衣',
        category: '上衣',
        variants: [
          {
            options: [
              { name: '颜色', value: '黑色' },
              { name: '尺码', value: 'M' },
            ],
            price: 19900,
            stock: 1,
          },
          {
            options: [
              { name: '颜色', value: '黑色' },
              { name: '尺码', value: 'L' },
            ],
            price: 19900,
            stock: 5,
          },
        ],
      },
    ];
    for (const body of products)
      expect((await w.app.request('/api/knowledge/products', { token: w.tenant.tokens.manager, body })).status).toBe(
        201,
      );
    const res = await post('orders', {
      orders: [
        paid('TB-E1', '线上', '蓝牙耳机', 2),
        paid('DY-E2', '团购', '蓝牙耳机', 2),
        paid('TB-E3', '线上', '蓝牙耳机', 1), // shipped below: no longer waiting on stock
        { ...paid('TB-E4', '线上', '蓝牙耳机', 5), status: 'completed' },
        paid('TB-C1', '线上', '充电宝', 4),
        paid('TB-W1', '线上', '连帽卫衣', 2, ['黑色', 'M']),
      ],
    });
    expect(res.body).toMatchObject({ failed: [] });
    await post('shipments', {
      shipments: [{ externalId: 'SF-E3', orderId: 'TB-E3', lastEventAt: '2026-11-29T18:00:00+08:00' }],
    });
  });

  it('says nothing while switched off', async () => {
    await setScenarios(w, { oversell_risk: { enabled: false } });
    await scan('2026-11-30T10:00:00+08:00');
    expect(await risks()).toEqual([]);
  });

  it('tells the owner, once a day per item, when stock is below the paid orders not yet shipped on every channel', async () => {
    await setScenarios(w, { oversell_risk: { enabled: true } });
    await scan('2026-11-30T10:00:00+08:00');
    await scan('2026-11-30T10:15:00+08:00');
    // 充电宝 (10 in stock, 4 waiting) and the hoodie as a whole (6, 2) are covered
    expect(await risks()).toEqual([
      '超卖风险：蓝牙耳机库存3件，待发货4件',
      '超卖风险：连帽卫衣 黑色 M库存1件，待发货2件',
    ]);
    const earphones = (await alerts('oversell_risk')).find((a) => a.title.startsWith('超卖风险：蓝牙耳机'))!;
    expect(earphones.body).toBe(
      '蓝牙耳机库存还有3件，已付款没发货的订单要4件（线上2件、团购2件），差1件。建议尽快补货，或先把各平台的库存改小、暂停销售。',
    );
    expect(earphones.notify).toBe('sent');
  });
});

describe('message backlog on 微信客服', () => {
  const MIN = 60_000;
  const openKfId = () => w.credentials.kfAccounts[0]!.openKfId;
  async function waits(externalUserId: string) {
    await w.kfCustomerWrites(externalUserId, '我要找人工');
    await w.app.container.kfRepository.setState(
      w.tenant.merchantId,
      openKfId(),
      externalUserId,
      'human',
      w.tenant.people.staff.wecomUserId,
    );
  }
  const backlog = () => alerts('message_backlog');

  it('says nothing while fewer customers than the owner’s count wait, or not yet long enough', async () => {
    await setScenarios(w, { message_backlog: { enabled: true, minutes: 30, minWaiting: 3 } });
    await waits('wmBacklog01');
    await waits('wmBacklog02');
    await w.app.container.alerts.owner.scan(w.tenant.merchantId, new Date(Date.now() + 40 * MIN));
    expect(await backlog()).toEqual([]);
    await waits('wmBacklog03');
    await w.app.container.alerts.owner.scan(w.tenant.merchantId, new Date(Date.now() + 20 * MIN));
    expect(await backlog()).toEqual([]);
  });

  it('tells the owner when enough customers have waited over the minutes, at most once an hour', async () => {
    await w.app.container.alerts.owner.scan(w.tenant.merchantId, new Date(Date.now() + 35 * MIN));
    await w.app.container.alerts.owner.scan(w.tenant.merchantId, new Date(Date.now() + 36 * MIN));
    const [alert, ...rest] = await backlog();
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ title: '消息积压：3位顾客等回复超过30分钟', level: 'warning', notify: 'sent' });
    expect(alert!.body).toMatch(
      /^微信客服里有3位顾客的消息超过30分钟没人回复：.+（3\d分钟）.+。请尽快安排人手在企业微信里回复。$/,
    );
  });
});
