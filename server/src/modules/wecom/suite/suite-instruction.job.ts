import { defineJob, jobKind } from '../../../jobs/job-definition.js';
import type { Logger } from '../../../logging/logger.js';
import type { SuiteAuthorisationService } from './suite-authorisation.service.js';
import type { SuiteInstructionRepository } from './suite-instruction.repository.js';

/** One stored 代开发 instruction, handed over by the callback right after it answered WeCom. */
export const SUITE_INSTRUCTION = jobKind<{ id: string }>('wecom.suite-instruction');
/** Instructions whose hand-over was lost, or whose retry is due. */
export const SUITE_INSTRUCTION_SWEEP = jobKind<Record<string, never>>('wecom.suite-instruction-sweep');

export interface SuiteInstructionJobDeps {
  authorisations: Pick<SuiteAuthorisationService, 'handle'>;
  instructions: Pick<SuiteInstructionRepository, 'dueIds'>;
  logger: Logger;
}

export const suiteInstructionJobs = (d: SuiteInstructionJobDeps) => [
  defineJob(SUITE_INSTRUCTION, {
    concurrency: 4,
    lockLifetime: 2 * 60_000,
    // the instruction keeps its own attempts and retry time; the sweep runs what is due
    maxRetries: 0,
    handler: async (job) => d.authorisations.handle(job.attrs.data.id),
  }),
  defineJob(SUITE_INSTRUCTION_SWEEP, {
    every: '1 minute',
    handler: async () => {
      for (const id of await d.instructions.dueIds())
        await d.authorisations
          .handle(id)
          .catch((err: unknown) => d.logger.error({ err, id }, 'wecom suite instruction sweep: failed'));
    },
  }),
];
