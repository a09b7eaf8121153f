// Demo only: pages opened in an ordinary browser ask for the stand-in's JS bridges — the sidebar's WeCom bridge, set
// up as if opened from a chat with one of the demo customers (or the demo VIP group with ?entry=group), and the owner
// console's wx.login as the demo owner's WeChat.
import { Router } from '@koa/router';
import { z } from 'zod';
import { DEMO_OWNER_OPENID } from '../../demo/seed-demo.js';
import { notFound } from '../../errors/app-error.js';
import { parse } from '../../http/validate.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';

export const DEMO_GROUP_CHAT_ID = 'wrdemo00chayuvipgroup';

const querySchema = z
  .object({
    corpId: z.string().min(1).max(64),
    entry: z.enum(['single_chat_tools', 'group_chat_tools']).default('single_chat_tools'),
  })
  .strict();

export function devBridgeRoutes(standInBase: string, apps: WecomAppRepository, customers: CustomerRepository): Router {
  const router = new Router({ prefix: '/api/dev' });
  router.get('/wecom-bridge', async (ctx) => {
    const { corpId, entry } = parse(querySchema, ctx.query);
    const app = await apps.findByCorpId(corpId);
    if (!app) throw notFound('这个企业还没有接入小二');
    const [customer] = (await customers.list(app.merchantId, { limit: 1 })).items;
    const query = new URLSearchParams({
      corpId,
      entry,
      externalUserId: customer?.externalUserId ?? '',
      chatId: DEMO_GROUP_CHAT_ID,
    });
    ctx.body = { scriptUrl: `${standInBase}/__standin/jsbridge.js?${query}` };
  });
  router.get('/wechat-bridge', async (ctx) => {
    ctx.body = { scriptUrl: `${standInBase}/__standin/wxbridge.js?openid=${DEMO_OWNER_OPENID}` };
  });
  return router;
}
