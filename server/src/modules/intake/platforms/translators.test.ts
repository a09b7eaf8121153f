// Each platform's push mapped to our records, in the cases the integration test does not send: 快递100's states and
// its "nothing yet" pushes, 抖音's content as an object and its other events, 美团's times as unix seconds; and the
// signature rules against the stand-in that signs as the platforms do.
import {
  douyinCertificatePush,
  kuaidi100Sign,
  kuaidi100TrackPush,
  meituanVerifyPush,
} from '@xiaoer/dev-services/platform-push-standin/pushes';
import { describe, expect, it } from 'vitest';
import { douyinPush } from './douyin.push.js';
import { kuaidi100Push } from './kuaidi100.push.js';
import { meituanPush, meituanSignBase } from './meituan.push.js';
import type { PushRequest } from './platform-push.js';

const request = (p: { headers: Record<string, string>; body: string }, query = {}): PushRequest => ({
  body: p.body,
  type: p.headers['content-type'] ?? '',
  header: (name) => p.headers[name.toLowerCase()],
  query,
});
const at = new Date('2026-11-27T01:00:00Z'); // 09:00 in Beijing

describe('快递100', () => {
  const push = (state: string) =>
    request(
      kuaidi100TrackPush('salt', { number: 'ZT1', com: 'zhongtong', state, events: [{ at, context: '运输中' }] }),
    );

  it('maps its states: 签收 delivered, 疑难 / 退签 / 拒签 exceptions, the rest on their way', () => {
    const status = (state: string) => (kuaidi100Push.translate(push(state)).records[0] as { status: string }).status;
    expect(['0', '1', '5', '8', '3', '2', '4', '14'].map(status)).toEqual([
      'in_transit',
      'in_transit',
      'in_transit',
      'in_transit',
      'delivered',
      'exception',
      'exception',
      'exception',
    ]);
    expect(kuaidi100Push.translate(push('0')).records[0]).toEqual({
      externalId: 'ZT1',
      carrier: '中通',
      status: 'in_transit',
      lastEventAt: '2026-11-27T09:00:00+08:00',
      lastEvent: '运输中',
    });
  });

  it('stores nothing for a push with no tracking event yet (3天查询无记录)', () => {
    const param = JSON.stringify({ status: 'abort', message: '3天查询无记录', lastResult: { nu: 'ZT2', data: [] } });
    const body = new URLSearchParams({ param, sign: kuaidi100Sign(param, 'salt') }).toString();
    expect(kuaidi100Push.translate(request({ headers: {}, body }))).toEqual({ kind: 'shipments', records: [] });
  });

  it('takes the sign in either letter case, and no other salt', () => {
    const p = push('0');
    expect(kuaidi100Push.verify('salt', p)).toBe(true);
    expect(
      kuaidi100Push.verify('salt', {
        ...p,
        body: p.body.replace(/sign=([0-9A-F]+)/, (_, h: string) => `sign=${h.toLowerCase()}`),
      }),
    ).toBe(true);
    expect(kuaidi100Push.verify('other', p)).toBe(false);
  });
});

describe('抖音', () => {
  it('reads content given as an object; another event or action stores nothing', () => {
    const body = JSON.stringify({
      event: 'life_trade_certificate_notify',
      content: { action: 'verify', msg_time: 1795420800, certificate: { certificate_id: 'C1', order_id: 'O1' } },
    });
    expect(douyinPush.translate(request({ headers: {}, body })).records).toEqual([
      { externalId: 'DY-C1', platform: '抖音', voucherCode: 'C1', at: '2026-11-23T08:00:00.000Z' },
    ]);
    const order = JSON.stringify({ event: 'life_trade_order_notify', content: '{}' });
    expect(douyinPush.translate(request({ headers: {}, body: order })).records).toEqual([]);
    const refund = douyinCertificatePush('s', {
      certificateId: 'C2',
      orderId: 'O',
      action: 'refund_success',
      msgTime: at,
    });
    expect(douyinPush.translate(request(refund)).records).toEqual([]);
  });

  it('checks X-Douyin-Signature over the exact body', () => {
    const p = request(douyinCertificatePush('secret', { certificateId: 'C3', orderId: 'O', msgTime: at }));
    expect(douyinPush.verify('secret', p)).toBe(true);
    expect(douyinPush.verify('secret', { ...p, body: `${p.body} ` })).toBe(false);
  });
});

describe('美团', () => {
  it('signs the sorted parameters without sign and the empty ones', () => {
    const form = new URLSearchParams({ timestamp: '1', b: '2', a: '', sign: 'x', developerId: '9' });
    expect(meituanSignBase(form)).toBe('b2developerId9timestamp1');
    expect(
      meituanPush.verify('key', request(meituanVerifyPush('key', { verifyId: 'V', receiptCode: 'R', verifyTime: at }))),
    ).toBe(true);
  });

  it('takes a verification time in unix seconds, and leaves out what the push does not say', () => {
    const message = JSON.stringify({ verifyId: 'V9', receiptCode: 'R9', verifyTime: 1795420800 });
    const body = new URLSearchParams({ message, sign: 'unchecked-here' }).toString();
    expect(meituanPush.translate(request({ headers: {}, body })).records).toEqual([
      { externalId: 'MT-V9', platform: '美团', voucherCode: 'R9', at: '2026-11-23T08:00:00.000Z' },
    ]);
  });
});
