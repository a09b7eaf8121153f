import type { Container } from '../../app/container.js';
import type { JobDefinition } from '../../jobs/job-definition.js';

/** One recurring scan; the service decides per merchant whether it is their morning and whether it already ran. */
export const morningSummaryJob = (c: Container): JobDefinition => ({
  name: 'ai.morning-summary',
  every: '10 minutes',
  handler: async () => {
    await c.ai.morningSummary.runAll();
  },
});
