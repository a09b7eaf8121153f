// The demo's 美团 and 抖音 verification pushes: this machine reaches neither platform, so the dev-services stand-in
// sends what each would — 美团 signed with its signKey, 抖音 with its client secret — to push addresses of the demo
// shop made with those keys, over HTTP like the platforms. The owner then sees the redemptions as a shop wired to
// both platforms would, and the addresses' logs show the deliveries (对接与集成).
import { randomBytes } from 'node:crypto';
import {
  deliverPush,
  douyinCertificatePush,
  meituanVerifyPush,
} from '@xiaoer/dev-services/platform-push-standin/pushes';
import type { Container } from '../app/container.js';
import type { MerchantId } from '../tenancy/merchant-id.js';

const MINUTE = 60_000;

export async function sendDemoPlatformPushes(c: Container, merchantId: MerchantId, url: string) {
  const meituanKey = randomBytes(16).toString('hex');
  const douyinSecret = randomBytes(16).toString('hex');
  const meituan = await c.intake.webhook.create(merchantId, '美团验券', meituanKey);
  const douyin = await c.intake.webhook.create(merchantId, '抖音来客', douyinSecret);
  const meituanUrl = `${url}/intake/${meituan.endpoint.endpointId}/push/meituan`;
  const douyinUrl = `${url}/intake/${douyin.endpoint.endpointId}/push/douyin`;
  const now = Date.now();
  const results = [
    await deliverPush(
      meituanUrl,
      meituanVerifyPush(meituanKey, {
        verifyId: `DEMO${now}`,
        receiptCode: '8812 3344 5566',
        dealTitle: '双人下午茶套餐',
        dealPrice: 39.9,
        verifyTime: new Date(now - 40 * MINUTE),
        verifyAcctName: '小美',
      }),
    ),
    await deliverPush(
      douyinUrl,
      douyinCertificatePush(douyinSecret, {
        certificateId: `7300${now}`,
        orderId: `1080${now}`,
        code: '6655443322',
        msgTime: new Date(now - 15 * MINUTE),
      }),
    ),
  ];
  const refused = results.find((r) => r.status !== 200);
  if (refused) throw new Error(`demo platform push refused: ${refused.status} ${JSON.stringify(refused.body)}`);
  return { meituanUrl, douyinUrl };
}
