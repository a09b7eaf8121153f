// The platforms' own pushes to a shop's push address (POST /intake/<id>/push/<platform>), sent by the dev-services
// stand-in in each platform's format and signing scheme: 美团's verification push and 抖音's 券核销 notification become
// redemptions, 快递100's tracking push a shipment; each stored once however often it is pushed, answered with the
// body the platform expects; a bad signature, a malformed push, a revoked address or another shop's address stores
// nothing; and a pushed redemption reaches the redemption_anomaly detector as one sent through the API does.
import {
  deliverPush,
  douyinCertificatePush,
  douyinSign,
  douyinUrlCheck,
  kuaidi100Sign,
  kuaidi100TrackPush,
  meituanSign,
  meituanVerifyPush,
  type PlatformRequest,
} from '@xiaoer/dev-services/platform-push-standin/pushes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MerchantId } from '../../src/tenancy/merchant-id.js';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { onTestServer } from '../support/signed-delivery.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
});
afterAll(() => app.close());

type Tenant = Awaited<ReturnType<typeof buildTenant>>;

/** A push address with the platform's own key as its secret; its push URL for that platform on the test server. */
async function pushAddress(t: Tenant, name: string, secret: string, platform: string) {
  const res = await app.request('/api/intake/endpoints', {
    method: 'POST',
    token: t.tokens.owner,
    body: { name, secret },
  });
  expect(res.status).toBe(201);
  expect(res.body.secret).toBe(secret);
  const pushUrl = res.body.endpoint.pushUrls[platform] as string;
  expect(pushUrl).toBe(String(res.body.endpoint.url).replace(/\/orders$/, `/push/${platform}`));
  return { id: res.body.endpoint.id as string, url: onTestServer(app, pushUrl) };
}

const send = (url: string, push: PlatformRequest) =>
  deliverPush(url, push) as Promise<{ status: number; body: Record<string, unknown> }>;
const redemptionsOf = (merchantId: MerchantId, code: string) =>
  app.container.shopData.redemptions.ofVouchers(merchantId, [code]);
const shipment = (merchantId: MerchantId, number: string) =>
  app.container.shopData.shipments.findOne(merchantId, { externalId: number });

const MT_KEY = 'mt-signkey-8f3a91';
const DY_SECRET = 'dy-client-secret-55c1';
const KD_SALT = 'kd100-salt-77';
const at = new Date('2026-11-30T04:01:00Z'); // 12:01 in Beijing

describe('美团 verification push', () => {
  let t: Tenant;
  let url: string;
  beforeAll(async () => {
    t = await buildTenant(app.container);
    url = (await pushAddress(t, '美团验券', MT_KEY, 'meituan')).url;
  });

  const verification = {
    verifyId: 'V20261130001',
    receiptCode: '881233445566',
    dealTitle: '双人套餐',
    dealPrice: 99,
    verifyTime: at,
    verifyAcctName: '小美',
  };

  it('stores a redemption once however often 美团 pushes it, answering 美团 its success body', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await send(url, meituanVerifyPush(MT_KEY, verification));
      expect(res).toEqual({ status: 200, body: { code: 'OK' } });
    }
    const stored = await redemptionsOf(t.merchantId, '881233445566');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      externalId: 'MT-V20261130001',
      platform: '美团',
      deal: '双人套餐',
      amount: 9900,
      staffName: '小美',
      at,
    });
  });

  it('refuses a push signed with another key, or altered after signing, and stores nothing', async () => {
    const other = { ...verification, verifyId: 'V-BAD', receiptCode: '990000000001' };
    const wrongKey = await send(url, meituanVerifyPush('not-the-key', other));
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.body.message).toContain('签名校验失败');
    const signed = meituanVerifyPush(MT_KEY, other);
    const altered = { ...signed, body: signed.body.replace('990000000001', '990000000002') };
    expect((await send(url, altered)).status).toBe(401);
    expect(await app.container.shopData.redemptions.ofVouchers(t.merchantId, ['990000000001', '990000000002'])).toEqual(
      [],
    );
  });

  it('says what is wrong with a malformed push, signed or not in its format', async () => {
    const params: Record<string, string> = {
      developerId: '1',
      timestamp: '1795420800',
      message: JSON.stringify({ verifyId: 'V-NOCODE', verifyTime: '2026-11-30 12:01:00' }),
    };
    params.sign = meituanSign(MT_KEY, params);
    const noCode = await send(url, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
    expect(noCode.status).toBe(400);
    expect(noCode.body.message).toBe('不是美团的推送格式：缺少 receiptCode（券码）');

    const notJson: Record<string, string> = { timestamp: '1795420800', message: '{not json' };
    notJson.sign = meituanSign(MT_KEY, notJson);
    const res = await send(url, { headers: {}, body: new URLSearchParams(notJson).toString() });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('不是美团的推送格式：message 不是 JSON');
    expect(await redemptionsOf(t.merchantId, 'V-NOCODE')).toEqual([]);
  });
});

describe('抖音 券核销 notification', () => {
  let t: Tenant;
  let url: string;
  beforeAll(async () => {
    t = await buildTenant(app.container);
    url = (await pushAddress(t, '抖音来客', DY_SECRET, 'douyin')).url;
  });

  it('answers 抖音’s URL check with its challenge', async () => {
    expect(await send(url, douyinUrlCheck(12345))).toEqual({ status: 200, body: { challenge: 12345 } });
  });

  it('stores a verified voucher once per certificate, however often pushed; a cancellation stores nothing', async () => {
    const push = douyinCertificatePush(DY_SECRET, {
      certificateId: '7300000000000001',
      orderId: '1080000000000001',
      code: '6655443322',
      msgTime: at,
    });
    for (let i = 0; i < 2; i++)
      expect(await send(url, push)).toEqual({ status: 200, body: { err_no: 0, err_tips: 'success' } });
    const stored = await redemptionsOf(t.merchantId, '6655443322');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ externalId: 'DY-7300000000000001', platform: '抖音', at });

    // a 抖音 code is not pushed: the certificate's id stands for the voucher
    await send(
      url,
      douyinCertificatePush(DY_SECRET, { certificateId: '7300000000000002', orderId: 'O2', msgTime: at }),
    );
    expect(await redemptionsOf(t.merchantId, '7300000000000002')).toHaveLength(1);

    const cancel = douyinCertificatePush(DY_SECRET, {
      certificateId: '7300000000000003',
      orderId: 'O3',
      code: '1112223334',
      action: 'verify_cancel',
      msgTime: at,
    });
    expect((await send(url, cancel)).status).toBe(200);
    expect(await redemptionsOf(t.merchantId, '1112223334')).toEqual([]);
  });

  it('refuses a bad signature and a malformed body, storing nothing', async () => {
    const push = douyinCertificatePush('another-app-secret', {
      certificateId: '7300000000000009',
      orderId: 'O9',
      code: '9998887776',
      msgTime: at,
    });
    const refused = await send(url, push);
    expect(refused.status).toBe(401);
    expect(refused.body.message).toContain('抖音');
    expect(await redemptionsOf(t.merchantId, '9998887776')).toEqual([]);

    const body = JSON.stringify({ event: 'life_trade_certificate_notify', content: '{"action":"verify"}' });
    const noCertificate = await send(url, {
      headers: { 'content-type': 'application/json', 'x-douyin-signature': douyinSign(DY_SECRET, body) },
      body,
    });
    expect(noCertificate.status).toBe(400);
    expect(noCertificate.body.message).toBe('不是抖音的推送格式：缺少 certificate.certificate_id');
    const garbage = await send(url, {
      headers: { 'content-type': 'application/json', 'x-douyin-signature': douyinSign(DY_SECRET, 'oops') },
      body: 'oops',
    });
    expect(garbage.status).toBe(400);
    expect(garbage.body.message).toBe('不是抖音的推送格式：请求体 不是 JSON');
    // in 抖音's format, but a code longer than any voucher's: refused with the field that is wrong
    const longCode = douyinCertificatePush(DY_SECRET, {
      certificateId: '7300000000000010',
      orderId: 'O10',
      code: '9'.repeat(50),
      msgTime: at,
    });
    const refusedRecord = await send(url, longCode);
    expect(refusedRecord.status).toBe(400);
    expect(refusedRecord.body.message).toBe('抖音的推送有字段不符合要求');
    expect(await redemptionsOf(t.merchantId, '9'.repeat(50))).toEqual([]);
  });
});

describe('快递100 tracking push', () => {
  let t: Tenant;
  let url: string;
  beforeAll(async () => {
    t = await buildTenant(app.container);
    url = (await pushAddress(t, '快递100', KD_SALT, 'kuaidi100')).url;
  });

  const track = (state: string, events: [string, string][]) =>
    kuaidi100TrackPush(KD_SALT, {
      number: 'SF1400000001',
      com: 'shunfeng',
      state,
      events: events.map(([iso, context]) => ({ at: new Date(iso), context })),
    });
  const moving: [string, string][] = [
    ['2026-11-26T10:00:00+08:00', '【杭州】已揽收'],
    ['2026-11-27T09:00:00+08:00', '【杭州转运中心】已发出'],
  ];

  it('keeps one shipment per tracking number, moved on by each push, with the order and buyer its URL names', async () => {
    const buyer = await buildCustomer(app.container, t.merchantId, { phone: '13800000001' });
    const withIds = `${url}?orderId=TB-88&phone=13800000001`;
    expect(await send(withIds, track('0', moving))).toEqual({
      status: 200,
      body: { result: true, returnCode: '200', message: '成功' },
    });
    expect(await shipment(t.merchantId, 'SF1400000001')).toMatchObject({
      carrier: '顺丰',
      orderId: 'TB-88',
      status: 'in_transit',
      lastEventAt: new Date('2026-11-27T09:00:00+08:00'),
      lastEvent: '【杭州转运中心】已发出',
    });
    const signed: [string, string][] = [...moving, ['2026-11-28T15:30:00+08:00', '已签收，签收人：本人']];
    for (let i = 0; i < 2; i++) expect((await send(withIds, track('3', signed))).status).toBe(200);
    const stored = await shipment(t.merchantId, 'SF1400000001');
    expect(stored?.customerId?.toHexString()).toBe(buyer._id.toHexString());
    expect(stored).toMatchObject({
      status: 'delivered',
      deliveredAt: new Date('2026-11-28T15:30:00+08:00'),
      lastEvent: '已签收，签收人：本人',
    });
    const all = await app.container.shopData.shipments.deliveredBetween(
      t.merchantId,
      new Date('2026-11-28T00:00:00+08:00'),
      new Date('2026-11-29T00:00:00+08:00'),
      10,
    );
    expect(all.map((s) => s.externalId)).toEqual(['SF1400000001']); // one record, however often pushed
  });

  it('refuses a push with the wrong salt, and names what a malformed one lacks', async () => {
    const wrong = kuaidi100TrackPush('other-salt', {
      number: 'YT000000009',
      com: 'yuantong',
      state: '0',
      events: [{ at, context: '已揽收' }],
    });
    expect((await send(url, wrong)).status).toBe(401);
    expect(await shipment(t.merchantId, 'YT000000009')).toBeNull();

    const noParam = await send(url, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'sign=ABC',
    });
    expect(noParam.status).toBe(401); // nothing signed is nothing read
    const param = JSON.stringify({ status: 'polling' });
    const noResult = await send(url, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ param, sign: kuaidi100Sign(param, KD_SALT) }).toString(),
    });
    expect(noResult.status).toBe(400);
    expect(noResult.body.message).toBe('不是快递100的推送格式：缺少 lastResult');
  });
});

describe('push addresses are the shop’s own', () => {
  it('a push to another shop’s address is refused with this shop’s key and stored only there with its own', async () => {
    const a = await buildTenant(app.container);
    const b = await buildTenant(app.container);
    const aUrl = (await pushAddress(a, '美团验券', 'key-of-shop-a', 'meituan')).url;
    const bUrl = (await pushAddress(b, '美团验券', 'key-of-shop-b', 'meituan')).url;
    const v = { verifyId: 'V-X1', receiptCode: '777000111222', verifyTime: at };
    expect((await send(bUrl, meituanVerifyPush('key-of-shop-a', v))).status).toBe(401);
    expect(await redemptionsOf(b.merchantId, '777000111222')).toEqual([]);
    expect((await send(aUrl, meituanVerifyPush('key-of-shop-a', v))).status).toBe(200);
    expect(await redemptionsOf(a.merchantId, '777000111222')).toHaveLength(1);
    expect(await redemptionsOf(b.merchantId, '777000111222')).toEqual([]);
  });

  it('a revoked address refuses pushes (410), an unknown platform is 404, and the log shows each delivery', async () => {
    const t = await buildTenant(app.container);
    const { id, url } = await pushAddress(t, '抖音来客', DY_SECRET, 'douyin');
    const push = douyinCertificatePush(DY_SECRET, { certificateId: 'C-LOG', orderId: 'O', code: 'LOG1', msgTime: at });
    expect((await send(url, push)).status).toBe(200);
    const log = await app.request(`/api/intake/endpoints/${id}/deliveries`, { token: t.tokens.owner });
    expect(log.body.items[0]).toMatchObject({ kind: 'push/douyin', status: 200, received: 1 });
    expect((await send(url.replace(/douyin$/, 'eleme'), push)).status).toBe(404);
    expect((await app.request(`/api/intake/endpoints/${id}`, { method: 'DELETE', token: t.tokens.owner })).status).toBe(
      204,
    );
    expect((await send(url, push)).status).toBe(410);
  });
});

describe('a pushed redemption and the redemption_anomaly detector', () => {
  it('a voucher redeemed through the API and again in a 美团 push is told to the owner as used twice', async () => {
    const t = await buildTenant(app.container);
    const current = (await app.request('/api/outreach/settings', { token: t.tokens.owner })).body;
    const saved = await app.request('/api/outreach/settings', {
      method: 'PUT',
      token: t.tokens.owner,
      body: { ...current, scenarios: { ...current.scenarios, redemption_anomaly: { enabled: true } } },
    });
    expect(saved.status).toBe(200);
    const hours = await app.request('/api/merchant/business-hours', {
      method: 'PUT',
      token: t.tokens.owner,
      body: {
        businessHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '00:00' })),
        holidays: [],
      },
    });
    expect(hours.status).toBe(200);
    const url = (await pushAddress(t, '美团验券', MT_KEY, 'meituan')).url;
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

    const direct = await app.request('/api/intake/redemptions', {
      token: t.tokens.manager,
      body: {
        redemptions: [
          { externalId: 'POS-HX-1', platform: '美团', voucherCode: '5550001', at: minutesAgo(10).toISOString() },
        ],
      },
    });
    expect(direct.status).toBe(200);
    const pushed = meituanVerifyPush(MT_KEY, {
      verifyId: 'V-TWICE',
      receiptCode: '5550001',
      dealTitle: '双人套餐',
      verifyTime: minutesAgo(2),
      verifyAcctName: '小王',
    });
    expect((await send(url, pushed)).status).toBe(200);
    const raised = await app.container.alerts.repository.raised(t.merchantId, 'redemption_anomaly');
    expect(raised.map((a) => a.title)).toEqual(['团购核销异常：券码5550001被核销了2次']);
  });
});
