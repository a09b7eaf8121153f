import { Types } from 'mongoose';
import type { Container } from '../../app/container.js';
import type { JobDefinition } from '../../jobs/job-definition.js';
import type { ShopData } from '../shop-data/shop-data.js';
import { completePending, type Effect, type EffectRecord } from './kinds/applied-once.js';
import { attendanceEffect } from './kinds/courses.kind.js';
import { movementEffect } from './kinds/stock.kind.js';

export const INTAKE_PENDING_EFFECTS = 'intake.pending-effects';

/** Younger records are left to the requests that stored them (harmless either way: completing is idempotent). */
const GRACE_MS = 60_000;

const effects = (shopData: ShopData): Effect<EffectRecord>[] =>
  [
    movementEffect(shopData.stock, shopData.movements),
    attendanceEffect(shopData.attendance, shopData.packages),
  ] as unknown as Effect<EffectRecord>[];

/**
 * Completes the movements and attendance whose effect a failed second write left out and whose sender never sent
 * them again (nor anything else for the same item or package): merchant by merchant, each in its own error boundary.
 * Returns how many records it completed.
 */
export async function sweepPendingEffects(c: Container, now = new Date()): Promise<number> {
  const storedBefore = { _id: { $lt: Types.ObjectId.createFromTime(Math.floor((now.getTime() - GRACE_MS) / 1000)) } };
  let completed = 0;
  for (const effect of effects(c.shopData)) {
    const merchantIds = await effect.records.distinct('merchantId', { applied: false, ...storedBefore }).exec();
    for (const merchantId of merchantIds as Types.ObjectId[]) {
      try {
        completed += (await completePending(effect, merchantId, storedBefore)).length;
      } catch (err) {
        const context = { err, merchantId: String(merchantId), job: INTAKE_PENDING_EFFECTS };
        c.logger.error(context, 'completing intake records failed');
      }
    }
  }
  return completed;
}

/** One shared Agenda document, so one worker sweeps each tick; the next tick is the retry. */
export const pendingEffectsJob = (c: Container): JobDefinition => ({
  name: INTAKE_PENDING_EFFECTS,
  every: '5 minutes',
  maxRetries: 0,
  handler: async () => {
    await sweepPendingEffects(c);
  },
});
