import type { JobDefinition } from '../../jobs/job-definition.js';
import type { Logger } from '../../logging/logger.js';
import type { ShopDataRepositories } from '../shop-data/shop-data.js';

export const INTAKE_PENDING_EFFECTS = 'intake.pending-effects';

/** Younger records are left to the requests that stored them (harmless either way: completing is idempotent). */
const GRACE_MS = 60_000;

/** What the sweep uses: the records applied once to another document (db/applied-once-repository.ts). */
export interface PendingEffectsDeps {
  shopData: Pick<ShopDataRepositories, 'movements' | 'attendance'>;
  logger: Logger;
}

/**
 * Completes the movements and attendance whose effect a failed second write left out and whose sender never sent
 * them again (nor anything else for the same item or package): merchant by merchant, each in its own error boundary.
 * Returns how many records it completed.
 */
export async function sweepPendingEffects(d: PendingEffectsDeps, now = new Date()): Promise<number> {
  const storedBefore = new Date(now.getTime() - GRACE_MS);
  let completed = 0;
  for (const records of [d.shopData.movements, d.shopData.attendance]) {
    for (const merchantId of await records.merchantsWithPending(storedBefore)) {
      try {
        completed += await records.completePendingBefore(merchantId, storedBefore);
      } catch (err) {
        d.logger.error({ err, merchantId, job: INTAKE_PENDING_EFFECTS }, 'completing intake records failed');
      }
    }
  }
  return completed;
}

/** One shared Agenda document, so one worker sweeps each tick; the next tick is the retry. */
export const pendingEffectsJob = (d: PendingEffectsDeps): JobDefinition => ({
  name: INTAKE_PENDING_EFFECTS,
  every: '5 minutes',
  maxRetries: 0,
  handler: async () => {
    await sweepPendingEffects(d);
  },
});
