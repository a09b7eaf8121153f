// 快递100's tracking push, kept true when pushes come out of order or are replayed. 快递100 retries a push it got no 200
// for, so an earlier push of a parcel can arrive after a later one: the parcel keeps the state of its newest event and
// never goes back from signed for to in transit (a newer 退签 still makes it an exception). The order and buyer come
// from the callback URL's query, which 快递100's signature does not cover: they link a parcel not linked yet, and a
// signed push replayed under another ?orderId=&phone= never relinks it to another order or customer.
import {
  deliverPush,
  kuaidi100TrackPush,
  type PlatformRequest,
} from '@xiaoer/dev-services/platform-push-standin/pushes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { onTestServer } from '../support/signed-delivery.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
});
afterAll(() => app.close());

const SALT = 'kd100-salt-order';
const send = (url: string, push: PlatformRequest) => deliverPush(url, push) as Promise<{ status: number }>;
async function pushUrl(t: Awaited<ReturnType<typeof buildTenant>>) {
  const res = await app.request('/api/intake/endpoints', {
    method: 'POST',
    token: t.tokens.owner,
    body: { name: '快递100', secret: SALT },
  });
  expect(res.status).toBe(201);
  return onTestServer(app, res.body.endpoint.pushUrls.kuaidi100 as string);
}

describe('快递100 pushes out of order or replayed', () => {
  it('a late retry of an earlier push does not undo a parcel already signed for', async () => {
    const t = await buildTenant(app.container);
    const url = await pushUrl(t);

    const moving = [
      { at: new Date('2026-11-26T10:00:00+08:00'), context: '【杭州】已揽收' },
      { at: new Date('2026-11-27T09:00:00+08:00'), context: '【杭州转运中心】已发出' },
    ];
    const signedFor = [...moving, { at: new Date('2026-11-28T15:30:00+08:00'), context: '已签收，签收人：本人' }];
    const earlier = kuaidi100TrackPush(SALT, { number: 'SF1499999999', com: 'shunfeng', state: '0', events: moving });
    const later = kuaidi100TrackPush(SALT, { number: 'SF1499999999', com: 'shunfeng', state: '3', events: signedFor });

    expect((await send(url, later)).status).toBe(200);
    // 快递100's retry of the earlier push (first answered with an error) comes in after the later one
    expect((await send(url, earlier)).status).toBe(200);

    const stored = await app.container.shopData.shipments.findOne(t.merchantId, { externalId: 'SF1499999999' });
    expect(stored).toMatchObject({
      status: 'delivered',
      lastEventAt: new Date('2026-11-28T15:30:00+08:00'),
      lastEvent: '已签收，签收人：本人',
    });
  });

  // 快递100 signs param only: anyone holding one signed push (a proxy log, a shared callback URL) could replay it with
  // another phone, and 签收关怀 would then write to someone who bought nothing.
  it('a signed push replayed with another buyer in its URL does not move the parcel to that customer', async () => {
    const t = await buildTenant(app.container);
    const url = await pushUrl(t);
    const buyer = await buildCustomer(app.container, t.merchantId, { phone: '13800000031' });
    await buildCustomer(app.container, t.merchantId, { phone: '13800000032' });
    const push = kuaidi100TrackPush(SALT, {
      number: 'YT1400000031',
      com: 'yuantong',
      state: '3',
      events: [{ at: new Date('2026-11-28T15:30:00+08:00'), context: '已签收' }],
    });
    expect((await send(`${url}?orderId=TB-31&phone=13800000031`, push)).status).toBe(200);
    expect((await send(`${url}?orderId=TB-99&phone=13800000032`, push)).status).toBe(200);
    const stored = await app.container.shopData.shipments.findOne(t.merchantId, { externalId: 'YT1400000031' });
    expect({ order: stored?.orderId, buyer: stored?.customerId?.toHexString() }).toEqual({
      order: 'TB-31',
      buyer: buyer._id.toHexString(),
    });
  });

  it('a newer 退签 still moves a signed parcel on, and an earlier push after it changes nothing', async () => {
    const t = await buildTenant(app.container);
    const url = await pushUrl(t);
    const signed = [{ at: new Date('2026-11-28T15:30:00+08:00'), context: '已签收' }];
    const returned = [...signed, { at: new Date('2026-11-29T10:00:00+08:00'), context: '买家拒收，退回中' }];
    const push = (state: string, events: typeof signed) =>
      kuaidi100TrackPush(SALT, { number: 'ZT1400000041', com: 'zhongtong', state, events });
    expect((await send(url, push('3', signed))).status).toBe(200);
    expect((await send(url, push('4', returned))).status).toBe(200);
    expect((await send(url, push('3', signed))).status).toBe(200); // the signed push again, late
    const stored = await app.container.shopData.shipments.findOne(t.merchantId, { externalId: 'ZT1400000041' });
    expect(stored).toMatchObject({
      status: 'exception',
      lastEventAt: new Date('2026-11-29T10:00:00+08:00'),
      lastEvent: '买家拒收，退回中',
    });
  });

  it('a parcel pushed without a buyer is linked by a later push that names one', async () => {
    const t = await buildTenant(app.container);
    const url = await pushUrl(t);
    const buyer = await buildCustomer(app.container, t.merchantId, { phone: '13800000051' });
    const push = (state: string, events: { at: Date; context: string }[]) =>
      kuaidi100TrackPush(SALT, { number: 'YD1400000051', com: 'yunda', state, events });
    const picked = [{ at: new Date('2026-11-26T10:00:00+08:00'), context: '已揽收' }];
    expect((await send(url, push('1', picked))).status).toBe(200);
    const signed = [...picked, { at: new Date('2026-11-28T15:30:00+08:00'), context: '已签收' }];
    expect((await send(`${url}?orderId=TB-51&phone=13800000051`, push('3', signed))).status).toBe(200);
    const stored = await app.container.shopData.shipments.findOne(t.merchantId, { externalId: 'YD1400000051' });
    expect({ order: stored?.orderId, buyer: stored?.customerId?.toHexString(), status: stored?.status }).toEqual({
      order: 'TB-51',
      buyer: buyer._id.toHexString(),
      status: 'delivered',
    });
  });
});
