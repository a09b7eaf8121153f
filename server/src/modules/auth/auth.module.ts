// Sign-in (demo, WeCom OAuth, the mini program), sessions and invites.
import type { SessionSigner } from '../../auth/session.js';
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/database.js';
import type { RoutesOf } from '../../http/module-routes.js';
import type { Logger } from '../../logging/logger.js';
import type { FixedWindowRateLimiter } from '../../redis/rate-limiter.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { IdentityApi } from '../wecom/api/identity-api.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import { publicAuthRoutes, sessionRoutes } from './auth.routes.js';
import { AuthService } from './auth.service.js';
import { openInviteRepository } from './invite.repository.js';
import { LoginLimits } from './login-limits.js';

export interface AuthModuleDeps {
  config: Config;
  logger: Logger;
  sessions: SessionSigner;
  rateLimiter: FixedWindowRateLimiter;
  merchants: MerchantRepository;
  staff: StaffRepository;
  db: Database;
  apps: WecomAppRepository;
  identity: IdentityApi;
}

export function build(d: AuthModuleDeps) {
  const service = new AuthService(
    d.config,
    d.sessions,
    d.merchants,
    d.staff,
    d.apps,
    d.identity,
    openInviteRepository(d.db),
    new LoginLimits(d.rateLimiter, d.logger),
  );
  const routes: RoutesOf = () => ({
    public: [publicAuthRoutes(service, service.limits)],
    api: [sessionRoutes(service, d.staff)],
  });
  return { service, routes };
}
