// Signatures for the sidebar's ww.register: the config signature over the corp jsapi_ticket and the agentConfig
// signature over the app's agent_config ticket, both for the page URL without its #fragment.
import { randomBytes } from 'node:crypto';
import { getJsApiSignature } from '@wecom/crypto';
import { notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { IdentityApi } from './api/identity-api.js';
import type { WecomAppRepository } from './wecom-app.repository.js';

export interface JsSdkSignatures {
  corpId: string;
  agentId: number;
  config: { timestamp: number; nonceStr: string; signature: string };
  agentConfig: { timestamp: number; nonceStr: string; signature: string };
}

export const signableUrl = (url: string) => url.split('#')[0]!;

export class JsSdkService {
  constructor(
    private apps: WecomAppRepository,
    private identity: IdentityApi,
  ) {}

  async sign(merchantId: MerchantId, pageUrl: string, now = Date.now()): Promise<JsSdkSignatures> {
    const app = await this.apps.findByMerchant(merchantId);
    if (!app) throw notFound('还没有配置企业微信应用');
    const url = signableUrl(pageUrl);
    const timestamp = Math.floor(now / 1000);
    const sign = (ticket: string) => {
      const nonceStr = randomBytes(8).toString('hex');
      return { timestamp, nonceStr, signature: getJsApiSignature({ url, ticket, nonceStr, timestamp }).signature };
    };
    const [corpTicket, agentTicket] = await Promise.all([
      this.identity.corpTicket(app),
      this.identity.agentTicket(app),
    ]);
    return { corpId: app.corpId, agentId: app.agentId, config: sign(corpTicket), agentConfig: sign(agentTicket) };
  }
}
