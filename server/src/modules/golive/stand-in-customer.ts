// The demo's WeCom stand-in (dev-services) can play a customer writing to 微信客服 (`/__standin/kf/messages`). It
// exists only where the stand-in is configured as the WeCom API, and never in production: there the real WeCom API
// is the only one, and nothing can write as a customer.
import type { Config } from '../../config/env.js';

const WECOM_API = 'https://qyapi.weixin.qq.com';

export function standInCustomer(config: Pick<Config, 'env' | 'wecom'>) {
  if (config.env === 'production' || config.wecom.apiBase === WECOM_API) return undefined;
  const base = config.wecom.apiBase;
  return {
    async writesToKf(openKfId: string, externalUserId: string, text: string): Promise<void> {
      const res = await fetch(`${base}/__standin/kf/messages`, {
        method: 'POST',
        body: JSON.stringify({ openKfId, externalUserId, text }),
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) throw new Error(`stand-in refused the test message: ${res.status} ${await res.text()}`);
    },
  };
}
