// Group commit for the inbox: events arriving together are written in one unordered insertMany, and each caller is
// answered only after the batch containing its event is stored. Durability is unchanged (nothing is acknowledged
// before it is in MongoDB); under load one round trip serves many callbacks.
//
// Each stored event then joins its lane: every lane the batch wrote to is offered a promotion (its oldest waiting
// event becomes the head, unless it has one). Events are never written as heads directly: a lane can be briefly
// headless while it still has older events waiting (between one event finishing and the next being promoted), and a
// new event made head in that moment would overtake them. If this process dies before promoting, the repository's
// repair sweep does it.
import type { Collection } from 'mongodb';
import type { InboxEvent } from './inbox.model.js';

interface Pending {
  doc: InboxEvent;
  resolve: (stored: boolean) => void;
  reject: (err: unknown) => void;
}

export type Lane = Pick<InboxEvent, 'merchantId' | 'orderingKey'>;

export type Promote = (lane: Lane) => Promise<void>;

const MAX_BATCH = 200;

export class InboxWriter {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private collection: Collection<InboxEvent>,
    private promote: Promote,
  ) {}

  /** Resolves true once stored, false if the same event was already stored (a duplicate delivery). */
  write(doc: InboxEvent): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ doc, resolve, reject });
      if (this.queue.length >= MAX_BATCH) void this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue.splice(0, MAX_BATCH);
    if (!batch.length) return;
    try {
      const stored = await this.store(batch.map((p) => p.doc));
      batch.forEach((p, i) => p.resolve(stored[i]!));
    } catch (err) {
      // Something other than a duplicate failed: fail the whole batch so WeCom retries each event (dedupe absorbs any
      // that did get stored).
      for (const p of batch) p.reject(err);
    }
    if (this.queue.length && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.flush());
    }
  }

  private async store(events: InboxEvent[]): Promise<boolean[]> {
    const docs = events.map((e) => ({ ...e }));
    let stored = docs.map(() => true);
    try {
      await this.collection.insertMany(docs, { ordered: false });
    } catch (err) {
      const writeErrors = (err as { writeErrors?: { index: number; code: number }[] }).writeErrors;
      if (!writeErrors?.length || !writeErrors.every((w) => w.code === 11000)) throw err;
      const duplicates = new Set(writeErrors.map((w) => w.index));
      stored = docs.map((_, i) => !duplicates.has(i));
    }
    const lanes = new Map(docs.filter((_, i) => stored[i]).map((d) => [`${String(d.merchantId)}\u0000${d.orderingKey}`, d]));
    // Best effort: a lane left without a head is found by the repair sweep.
    await Promise.all([...lanes.values()].map((lane) => this.promote(lane).catch(() => undefined)));
    return stored;
  }
}
