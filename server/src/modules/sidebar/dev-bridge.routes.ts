// Demo only: pages opened in an ordinary browser ask for the stand-in's JS bridges — the sidebar's WeCom bridge, set
// up as if opened from a chat with one of the demo customers (or the demo VIP group with ?entry=group), and the owner
// console's wx.login as the demo owner's WeChat.
import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/dev';
import { DEMO_OWNER_OPENID } from '../../demo/seed-demo.js';
import { notFound } from '../../errors/app-error.js';
import { route } from '../../http/contract-route.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';

export const DEMO_GROUP_CHAT_ID = 'wrdemo00chayuvipgroup';

// Each answer is a script URL built here from the stand-in's address, no stored record: nothing to present.
export function devBridgeRoutes(standInBase: string, apps: WecomAppRepository, customers: CustomerRepository): Router {
  const router = new Router({ prefix: '/api/dev' });
  route(router, api.wecomBridge, async ({ query: { corpId, entry } }) => {
    const app = await apps.findByCorpId(corpId);
    if (!app) throw notFound('这个企业还没有接入小二');
    const [customer] = (await customers.list(app.merchantId, { limit: 1 })).items;
    const query = new URLSearchParams({
      corpId,
      entry,
      externalUserId: customer?.externalUserId ?? '',
      chatId: DEMO_GROUP_CHAT_ID,
    });
    return { scriptUrl: `${standInBase}/__standin/jsbridge.js?${query}` };
  });
  route(router, api.wechatBridge, () => ({
    scriptUrl: `${standInBase}/__standin/wxbridge.js?openid=${DEMO_OWNER_OPENID}`,
  }));
  return router;
}
