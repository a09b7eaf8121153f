// Way 2 (服务商代开发), composed: the operator's template credentials from the configuration, the template's ticket
// and token, its instruction callback, the owners' authorisation links and the jobs that act on WeCom's
// instructions. Nothing of it exists when no template is configured (way 1 only).
import type { Redis } from 'ioredis';
import type { WecomSuiteConfig } from '../../../config/env.js';
import type { SecretBox } from '../../../crypto/secret-box.js';
import type { Database } from '../../../db/database.js';
import type { JobRuntime } from '../../../jobs/job-runtime.js';
import type { Logger } from '../../../logging/logger.js';
import type { CredentialCache } from '../api/credential-cache.js';
import type { WecomClient } from '../api/wecom-client.js';
import type { SetupAuditLog } from '../setup/setup-audit.js';
import type { WecomAppRepository } from '../wecom-app.repository.js';
import { SuiteApi } from './suite-api.js';
import { SuiteAuthorisationService } from './suite-authorisation.service.js';
import { SuiteCallbackService } from './suite-callback.service.js';
import { SUITE_INSTRUCTION, suiteInstructionJobs } from './suite-instruction.job.js';
import { openSuiteRepositories } from './suite.repositories.js';
import { SuiteTicketStore } from './suite-ticket-store.js';

export interface SuiteDeps {
  suite: WecomSuiteConfig;
  db: Database;
  redis: Redis;
  secrets: SecretBox;
  cache: CredentialCache;
  client: WecomClient;
  apps: WecomAppRepository;
  audit: SetupAuditLog;
  jobs: Pick<JobRuntime, 'enqueue'>;
  logger: Logger;
}

export function buildSuite(d: SuiteDeps) {
  const { instructions, authorisations } = openSuiteRepositories(d.db);
  const tickets = new SuiteTicketStore(d.redis, d.secrets, d.suite.suiteId);
  const api = new SuiteApi(d.suite, d.client, d.cache, tickets);
  const service = new SuiteAuthorisationService({
    suite: d.suite,
    api,
    apps: d.apps,
    authorisations,
    instructions,
    client: d.client,
    secrets: d.secrets,
    audit: d.audit,
    logger: d.logger,
  });
  const callback = new SuiteCallbackService({
    suite: d.suite,
    tickets,
    instructions,
    secrets: d.secrets,
    logger: d.logger,
    handOver: (id) => d.jobs.enqueue(SUITE_INSTRUCTION, { id }),
  });
  return {
    tickets,
    api,
    instructions,
    /** the owners' authorisation links and what WeCom's instructions do */
    service,
    callback,
    jobs: suiteInstructionJobs({ authorisations: service, instructions, logger: d.logger }),
  };
}

export type Suite = ReturnType<typeof buildSuite>;
