// A test app wired to a WeCom stand-in: the merchant's WeCom app configured, its corp seeded in the stand-in with
// the callback URL pointing at our server, members matching our staff.
import { randomBytes } from 'node:crypto';
import { WecomStandIn } from '@xiaoer/dev-services/wecom-standin/server';
import { buildTenant } from './factories.js';
import { startTestApp, type TestApp } from './test-app.js';

export const AGENT_ID = 1000002;

export async function startWecomTestApp(
  options: { role?: 'api' | 'all'; env?: Record<string, string>; autoReply?: 'off' | 'after_hours' | 'always' } = {},
) {
  const standin = new WecomStandIn();
  await standin.start();
  const app = await startTestApp({
    role: options.role ?? 'api',
    env: {
      WECOM_API_BASE: standin.url,
      WECHAT_API_BASE: standin.url,
      WECOM_OAUTH_BASE: standin.url,
      INBOX_POLL_MS: '50',
      ...options.env,
    },
  });
  /** A merchant with its WeCom app configured and its corp seeded in the stand-in (callbacks go to our server). */
  const connectMerchant = async (autoReply = options.autoReply ?? 'off') => {
    const tenant = await buildTenant(app.container);
    // The bot stays out of tests about the pipe itself unless a test asks for it.
    await app.container.repositories.merchants.setAutoReplyMode(tenant.merchantId, autoReply);
    const corpId = `ww${randomBytes(6).toString('hex')}`;
    const credentials = {
      corpId,
      agentId: AGENT_ID,
      secret: randomBytes(16).toString('hex'),
      callbackToken: randomBytes(8).toString('hex'),
      // EncodingAESKey: 43 characters of base64 without the trailing '='
      encodingAesKey: randomBytes(32).toString('base64').slice(0, 43),
      kfAccounts: [{ openKfId: `wk${randomBytes(6).toString('hex')}`, name: '茶语时光客服' }],
    };
    await app.container.wecom.apps.save(tenant.merchantId, credentials);
    standin.seedCorp(
      {
        corpId,
        apps: [{ agentId: AGENT_ID, secret: credentials.secret, kfAuthorised: true }],
        callback: {
          url: `${app.url}/wecom/callback/${corpId}`,
          token: credentials.callbackToken,
          encodingAesKey: credentials.encodingAesKey,
        },
      },
      Object.values(tenant.people).map((p) => ({ userid: p.wecomUserId, name: p.name })),
      credentials.kfAccounts,
    );
    return { tenant, corpId, credentials, openKfId: credentials.kfAccounts[0]!.openKfId };
  };
  const { tenant, corpId, credentials } = await connectMerchant();
  async function kfCustomerSends(externalUserId: string, msgtype: string, body: Record<string, unknown>) {
    const openKfId = credentials.kfAccounts[0]!.openKfId;
    const { deliveries } = await standin.customers.sendsToKf(openKfId, externalUserId, msgtype, body);
    if (deliveries.at(-1)?.body !== 'success')
      throw new Error(`callback not acknowledged: ${JSON.stringify(deliveries)}`);
    await app.container.wecom.inboxProcessor.drain();
    return standin.state.kfSent
      .filter((m) => m.touser === externalUserId)
      .map((m) => (m.content as { content: string }).content);
  }
  return {
    app,
    standin,
    tenant,
    corpId,
    credentials,
    /** another merchant on the same server and stand-in, with its own corp and 微信客服 account */
    addMerchant: connectMerchant,
    /** handles everything in the inbox now (the worker loop does this in the background in the worker role) */
    drain: () => app.container.wecom.inboxProcessor.drain(),
    /** a customer writes to the merchant's 微信客服; returns every text they have received from it so far */
    kfCustomerWrites(externalUserId: string, text: string): Promise<string[]> {
      return kfCustomerSends(externalUserId, 'text', { content: text });
    },
    /** a customer sends any kind of message (a picture, a voice note, a location …); returns the texts received */
    kfCustomerSends,
    async close() {
      await app.close();
      await standin.stop();
    },
  };
}

export type WecomTestApp = Awaited<ReturnType<typeof startWecomTestApp>>;
export type { TestApp };
