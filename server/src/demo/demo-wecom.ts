// Connects the demo merchant to the WeCom stand-in: a corp with the demo staff as members, a 微信客服 account, and
// callbacks pointing at our own server, so the whole pipe runs locally with no WeCom credentials.
import { randomBytes } from 'node:crypto';
import type { WecomStandIn } from '@xiaoer/dev-services/wecom-standin/server';
import type { Container } from '../app/container.js';
import type { MerchantId } from '../tenancy/merchant-id.js';
import { DEMO_GROUP_CHAT_ID } from '../modules/sidebar/dev-bridge.routes.js';
import { localTime } from '../modules/clock/business-hours.js';
import { periodContaining } from '../modules/clock/period.js';

export const DEMO_CORP_ID = 'wwdemo00chayushiguang';
export const DEMO_AGENT_ID = 1000002;
export const DEMO_KF_ID = 'wkdemo00chayu';

export async function connectDemoWecom(c: Container, merchantId: MerchantId, standin: WecomStandIn, serverUrl: string) {
  const existing = await c.wecom.apps.findByMerchant(merchantId);
  const credentials = existing ?? {
    corpId: DEMO_CORP_ID,
    agentId: DEMO_AGENT_ID,
    secret: randomBytes(16).toString('hex'),
    callbackToken: randomBytes(8).toString('hex'),
    encodingAesKey: randomBytes(32).toString('base64').slice(0, 43),
    kfAccounts: [{ openKfId: DEMO_KF_ID, name: '茶语时光在线客服' }],
    welcomeTemplates: [
      {
        channel: 'table_card',
        text: '{客户称呼}您好！感谢扫码添加～今天到店出示聊天记录，第二杯半价🧋 有问题随时在这里问我',
      },
      { channel: 'default', text: '{客户称呼}您好，欢迎来到{店名}！新品、优惠和外卖问题都可以直接问我～' },
    ],
  };
  if (!existing) await c.wecom.apps.save(merchantId, credentials);
  const staff = await c.repositories.staff.list(merchantId);
  standin.seedCorp(
    {
      corpId: credentials.corpId,
      apps: [{ agentId: credentials.agentId, secret: credentials.secret, kfAuthorised: true }],
      callback: {
        url: `${serverUrl}/wecom/callback/${credentials.corpId}`,
        token: credentials.callbackToken,
        encodingAesKey: credentials.encodingAesKey,
      },
    },
    staff.map((s) => ({ userid: s.wecomUserId, name: s.name })),
    credentials.kfAccounts,
  );
  await introduceSeededCustomers(c, merchantId, standin, new Map(staff.map((s) => [String(s._id), s.wecomUserId])));
  // The welcome script carries the shop's card image, served with the sidebar.
  const welcome = (await c.knowledge.scripts.library(merchantId)).find((s) => s.title === '欢迎词');
  if (welcome) {
    const { category, title, content } = welcome;
    const attachment = { kind: 'image' as const, url: `${serverUrl}/sidebar/demo/welcome-card.png` };
    await c.knowledge.scripts.update(merchantId, String(welcome._id), { category, title, content, attachment });
  }
  // A VIP group with a few regulars, for the sidebar's group view.
  const regulars = (await c.repositories.customers.list(merchantId, { limit: 8 })).items.flatMap((x) =>
    x.externalUserId ? [x.externalUserId] : [],
  );
  standin.customers.createsGroup(
    credentials.corpId,
    staff[0]!.wecomUserId,
    '茶语时光 VIP 会员群',
    regulars,
    '每周三会员日，全场第二杯半价',
    DEMO_GROUP_CHAT_ID,
  );
  // ... synced as a VIP group, with this week's calendar drafted for the owner
  const app = await c.wecom.apps.findByMerchant(merchantId);
  await c.groupSync.syncAll(app!);
  await c.groupSync.setLayer(merchantId, DEMO_GROUP_CHAT_ID, 'vip');
  const today = localTime(new Date(), 'Asia/Shanghai').date;
  await c.groupPosts.draftWeek(merchantId, periodContaining('week', today, 'Asia/Shanghai').from, new Date(), today);
  return {
    corpId: credentials.corpId,
    openKfId: credentials.kfAccounts[0]!.openKfId,
    staffUserIds: staff.map((s) => s.wecomUserId),
  };
}

/**
 * The seeded customers are contacts the shop had before it connected: the stand-in learns them (and whom they follow)
 * so tag pushes, profile syncs and sends for them work as against WeCom, instead of failing as unknown ids.
 */
async function introduceSeededCustomers(
  c: Container,
  merchantId: MerchantId,
  standin: WecomStandIn,
  wecomUserIdOf: Map<string, string>,
) {
  let cursor: string | undefined;
  do {
    const page = await c.repositories.customers.list(merchantId, { limit: 100, cursor });
    standin.customers.knowsContacts(
      page.items.flatMap((customer) =>
        customer.externalUserId
          ? [
              {
                externalUserId: customer.externalUserId,
                name: customer.name,
                followers: customer.followStaffIds.flatMap((id) => wecomUserIdOf.get(String(id)) ?? []),
              },
            ]
          : [],
      ),
    );
    cursor = page.nextCursor;
  } while (cursor);
}
