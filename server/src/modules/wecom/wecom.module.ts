// The WeCom integration: app credentials, the API client and its pure wrappers, callback intake and the inbox. It
// imports no domain module (scripts/lint/layering.js): conversations, groups, tags, customers, channels and
// campaigns build their own services from its client and apps, and register their inbox handlers with it.
import type { Redis } from 'ioredis';
import type { Config } from '../../config/env.js';
import type { SecretBox } from '../../crypto/secret-box.js';
import type { Database } from '../../db/database.js';
import type { RoutesOf } from '../../http/module-routes.js';
import type { JobRuntime } from '../../jobs/job-runtime.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { Logger } from '../../logging/logger.js';
import type { OutboundGuard } from '../../net/outbound-guard.js';
import type { RedisLock } from '../../redis/lock.js';
import type { FixedWindowRateLimiter } from '../../redis/rate-limiter.js';
import { ContactsApi } from './api/contacts-api.js';
import { CredentialCache } from './api/credential-cache.js';
import { DirectoryApi } from './api/directory-api.js';
import { IdentityApi } from './api/identity-api.js';
import { KfApi } from './api/kf-api.js';
import { WecomClient } from './api/wecom-client.js';
import { CallbackIntakeService } from './callback/callback-intake.service.js';
import { wecomCallbackRoutes } from './callback/callback.routes.js';
import { ConfigCheckService } from './config-check.service.js';
import { InboxHandlers } from './inbox/inbox-handlers.js';
import { InboxProcessor } from './inbox/inbox-processor.js';
import { InboxSignal } from './inbox/inbox-signal.js';
import { JsSdkService } from './jssdk.service.js';
import { MediaService } from './media.service.js';
import { OwnerNotifier } from './owner-notifier.js';
import type { StaffDirectory } from './staff-directory.js';
import { openWecomRepositories } from './wecom.repositories.js';
import { wecomRoutes } from './wecom.routes.js';
import { SetupApi } from './setup/setup-api.js';
import type { SetupAuditLog } from './setup/setup-audit.js';
import { SetupCheckService } from './setup/setup-checks.service.js';
import { wecomSetupRoutes } from './setup/wecom-setup.routes.js';
import { WecomSetupService } from './setup/wecom-setup.service.js';
import { suiteCallbackRoutes } from './suite/suite-callback.routes.js';
import { buildSuite } from './suite/suite.module.js';

export interface WecomDeps {
  config: Config;
  logger: Logger;
  db: Database;
  redis: Redis;
  locks: RedisLock;
  rateLimiter: FixedWindowRateLimiter;
  secrets: SecretBox;
  /** the merchant's members: who hears the owner's text cards, whose customers the configuration check reads */
  staff: StaffDirectory;
  /** merchant-supplied URLs (script images) are fetched only through it */
  outbound: OutboundGuard;
  /** the merchants' audit list: every change of WeCom credentials, with who made it */
  audit: SetupAuditLog;
  /** slow work handed to the workers (way 2's instructions, after WeCom got its answer) */
  jobs: Pick<JobRuntime, 'enqueue'>;
  /** the live checks found the server's address let in (企业可信IP): the staff sync WeCom refused before may run */
  trustedIpPassed?: (merchantId: MerchantId) => Promise<void>;
}

export function build(d: WecomDeps) {
  const { apps, inbox } = openWecomRepositories(d.db, d.secrets);
  const inboxSignal = new InboxSignal(d.redis, d.logger);
  const cache = new CredentialCache(d.redis, d.locks, d.secrets, d.logger);
  const client = new WecomClient(
    { baseUrl: d.config.wecom.apiBase, timeoutMs: d.config.wecom.timeoutMs },
    cache,
    d.rateLimiter,
    d.logger,
  );
  const contactsApi = new ContactsApi(client);
  const identity = new IdentityApi(client, cache);
  const handlers = new InboxHandlers();
  const setupApi = new SetupApi(client);
  const { egressIps } = d.config.wecom;
  // way 2 (服务商代开发) exists only where the operator configured a template
  const suite =
    d.config.wecom.suite &&
    buildSuite({ ...d, suite: d.config.wecom.suite, cache, client, apps, audit: d.audit, jobs: d.jobs });
  const setup = new WecomSetupService({
    apps,
    client,
    api: setupApi,
    inbox,
    audit: d.audit,
    egressIps,
    logger: d.logger,
    agency: suite?.service,
  });
  const setupChecks = new SetupCheckService({
    apps,
    client,
    api: setupApi,
    inbox,
    egressIps,
    trustedIpPassed: d.trustedIpPassed,
  });
  const intake = new CallbackIntakeService(apps, inbox, d.logger, inboxSignal, (app) => setup.urlVerified(app));
  const jssdk = new JsSdkService(apps, identity);
  const configCheck = new ConfigCheckService(apps, d.staff, client);
  const routes: RoutesOf = (http) => ({
    // WeCom's callbacks are machine-to-machine and the hottest path: they read their own size-limited XML body
    machine: [
      wecomCallbackRoutes(intake),
      ...(suite ? [suiteCallbackRoutes(suite.callback, suite.service, http.publicUrl)] : []),
    ],
    api: [
      wecomRoutes(jssdk, configCheck, http.publicUrl),
      wecomSetupRoutes(setup, setupChecks, http.publicUrl, suite?.service),
    ],
  });
  return {
    apps,
    client,
    contactsApi,
    /** the members of the app's visible range (the staff sync) */
    directory: new DirectoryApi(client),
    kfApi: new KfApi(client),
    identity,
    jssdk,
    configCheck,
    /** the owner's connection of a self-built app: credentials, callback keys, 微信客服 accounts */
    setup,
    media: new MediaService(d.redis, d.locks, contactsApi, apps, d.outbound),
    notifier: new OwnerNotifier({
      apps,
      staff: d.staff,
      contacts: contactsApi,
      consoleUrl: `${d.config.http.publicUrl ?? 'https://work.weixin.qq.com'}/console`,
    }),
    intake,
    inbox,
    inboxSignal,
    /** domain modules register what each kind of event does, at composition */
    handlers,
    inboxProcessor: new InboxProcessor(inbox, apps, handlers.byKind, d.logger, {
      pollMs: d.config.jobs.inboxPollMs,
      concurrency: 8,
      // renewed every third of it while an event is handled (inbox-processor.ts)
      leaseMs: 10_000,
      maxAttempts: 8,
    }),
    /** way 2 (服务商代开发): undefined when no template is configured */
    suite,
    jobs: suite?.jobs ?? [],
    routes,
  };
}

export type Wecom = ReturnType<typeof build>;
