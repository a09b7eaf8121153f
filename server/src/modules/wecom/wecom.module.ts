// The WeCom integration as a module: what buildWecom wires, its callback and settings routes, the onboarding sync.
import type { RoutesOf } from '../../http/module-routes.js';
import { wecomCallbackRoutes } from './callback/callback.routes.js';
import { contactSyncJob } from './contacts/contact-sync.job.js';
import { buildWecom, type WecomDeps } from './wecom.container.js';
import { wecomRoutes } from './wecom.routes.js';

export function build(d: WecomDeps) {
  const wecom = buildWecom(d);
  const routes: RoutesOf = (http) => ({
    // WeCom's callbacks are machine-to-machine and the hottest path: they read their own size-limited XML body
    machine: [wecomCallbackRoutes(wecom.intake)],
    api: [wecomRoutes(wecom.jssdk, d.jobs, wecom.configCheck, http.publicUrl)],
  });
  const jobs = [contactSyncJob({ apps: wecom.apps, locks: d.locks, contactSync: wecom.contactSync })];
  return { ...wecom, routes, jobs };
}
