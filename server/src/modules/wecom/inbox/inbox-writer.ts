// Group commit for the inbox: events arriving together are written in one unordered insertMany, and each caller is
// answered only after the batch containing its event is stored. Durability is unchanged (nothing is acknowledged
// before it is in MongoDB); under load one round trip serves many callbacks. What then places the events in their
// lanes is the owner's choice (`joined`): intake leaves it to the workers (events stored `fresh`), the workers' own
// writes do it at once.
import type { Collection, ObjectId } from 'mongodb';
import type { InboxEvent } from './inbox.model.js';

interface Pending {
  doc: InboxEvent;
  resolve: (stored: boolean) => void;
  reject: (err: unknown) => void;
}

/** Called once per lane the batch stored events into, with their ids, oldest first. */
export type Joined = (lane: InboxEvent, own: ObjectId[]) => Promise<unknown>;

const MAX_BATCH = 200;

export class InboxWriter {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private collection: Collection<InboxEvent>,
    private joined?: Joined,
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
    const docs: (InboxEvent & { _id?: ObjectId })[] = events.map((e) => ({ ...e }));
    let stored = docs.map(() => true);
    try {
      await this.collection.insertMany(docs, { ordered: false });
    } catch (err) {
      const writeErrors = (err as { writeErrors?: { index: number; code: number }[] }).writeErrors;
      if (!writeErrors?.length || !writeErrors.every((w) => w.code === 11000)) throw err;
      const duplicates = new Set(writeErrors.map((w) => w.index));
      stored = docs.map((_, i) => !duplicates.has(i));
    }
    const joined = this.joined;
    if (!joined) return stored;
    const lanes = new Map<string, { lane: InboxEvent; own: ObjectId[] }>();
    docs.forEach((d, i) => {
      if (!stored[i]) return;
      const key = `${String(d.merchantId)}\u0000${d.orderingKey}`;
      const entry = lanes.get(key) ?? { lane: d, own: [] };
      entry.own.push(d._id!);
      lanes.set(key, entry);
    });
    // Best effort: a lane left without a head is found by the repair sweep.
    await Promise.all([...lanes.values()].map(({ lane, own }) => joined(lane, own).catch(() => undefined)));
    return stored;
  }
}
