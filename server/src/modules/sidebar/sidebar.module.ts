// Demo only: a sidebar page opened outside WeCom gets the stand-in's JS bridge.
import type { Config } from '../../config/env.js';
import type { RoutesOf } from '../../http/module-routes.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import { devBridgeRoutes } from './dev-bridge.routes.js';

/** The real WeCom API: with it there is no stand-in to bridge to. */
const WECOM_API = 'https://qyapi.weixin.qq.com';

export function build(d: { config: Config; apps: WecomAppRepository; customers: CustomerRepository }) {
  const bridged = d.config.demoMode && d.config.wecom.apiBase !== WECOM_API;
  const routes: RoutesOf = () => ({
    public: bridged ? [devBridgeRoutes(d.config.wecom.apiBase, d.apps, d.customers)] : [],
  });
  return { routes };
}
