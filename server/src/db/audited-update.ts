// Records the owner reviews (customer drafts, group posts) move through statuses with an audit trail: each step sets
// its fields and appends who did what, in one atomic update. With a status in the filter the step happens once: a
// second tap, or a second worker, gets null.
import type { Model } from 'mongoose';

export interface AuditEntry {
  by: string;
  action: string;
  note?: string;
}

export function auditedUpdate<D, R = D>(
  model: Model<D>,
  filter: Record<string, unknown>,
  set: Record<string, unknown>,
  audit: AuditEntry,
): Promise<R | null> {
  return (
    model
      // (as never: one helper for every reviewed model; the fields set are typed by the callers)
      .findOneAndUpdate(filter, { $set: set, $push: { audit: { at: new Date(), ...audit } } } as never, {
        returnDocument: 'after',
      })
      .lean<R>()
      .exec()
  );
}
