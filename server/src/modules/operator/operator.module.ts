// The operator (the provider who sells and runs Xiaoer): its own sign-in apart from every merchant, merchants
// created with a one-time setup link for their owner, and every merchant's setup progress and health.
import type { SessionDto } from '@xiaoer/common/schemas/auth';
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/database.js';
import type { RoutesOf } from '../../http/module-routes.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { LoginLimits } from '../auth/login-limits.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { StaffRecord, StaffRepository } from '../staff/staff.repository.js';
import type { OverviewSources } from './merchant-overview.js';
import { OperatorAuthService } from './operator-auth.service.js';
import { OperatorMerchantsService } from './operator-merchants.service.js';
import { operatorLoginRoutes, operatorRoutes, setupRedeemRoutes } from './operator.routes.js';
import { OperatorSessionSigner } from './operator-session.js';
import { openOperatorRepositories } from './operator.repositories.js';
import { SetupLinkService } from './setup-link.service.js';

export interface OperatorModuleDeps {
  config: Config;
  db: Database;
  merchants: MerchantRepository;
  staff: StaffRepository;
  /** the sign-in limits shared with every other login (per address, per account) */
  limits: LoginLimits;
  /** an owner's session, issued as every sign-in issues it */
  issueSession: (staff: StaffRecord) => Promise<SessionDto>;
  /** health figures, each from the repository that owns it */
  health: Omit<OverviewSources, 'links' | 'staff'>;
  connectedMerchantIds: () => Promise<MerchantId[]>;
  /** a merchant created here starts in setup: its bot waits for 开始营业 (the golive module) */
  startSetup: (merchantId: MerchantId) => Promise<void>;
}

export function build(d: OperatorModuleDeps) {
  const { operators, setupLinks: links, merchantAudit: audit } = openOperatorRepositories(d.db);
  const auth = new OperatorAuthService(
    operators,
    new OperatorSessionSigner(d.config.session.secret, d.config.session.ttlSeconds),
    d.limits,
  );
  const setupLinks = new SetupLinkService({
    links,
    merchants: d.merchants,
    staff: d.staff,
    audit,
    issueSession: d.issueSession,
  });
  const merchants = new OperatorMerchantsService({
    merchants: d.merchants,
    audit,
    setupLinks,
    overview: { ...d.health, links, staff: d.staff },
    connectedMerchantIds: d.connectedMerchantIds,
    startSetup: d.startSetup,
  });
  const routes: RoutesOf = (http) => ({
    public: [
      operatorLoginRoutes(auth, d.limits),
      setupRedeemRoutes(setupLinks, d.limits),
      operatorRoutes(auth, merchants, setupLinks, http.publicUrl),
    ],
  });
  // the audit list, for the other steps of a merchant's setup to record theirs in
  return { auth, setupLinks, merchants, audit, routes };
}
