// Group commit for callback intake: events arriving together are written in one unordered insertMany, and each
// request is answered only after the batch containing its event is stored. Durability is unchanged (nothing is
// acknowledged before it is in MongoDB); under load one round trip serves many callbacks.
import type { Collection } from 'mongodb';
import type { InboxEvent } from './inbox.model.js';

interface Pending {
  doc: InboxEvent;
  resolve: (stored: boolean) => void;
  reject: (err: unknown) => void;
}

const MAX_BATCH = 200;

export class InboxWriter {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private collection: Collection<InboxEvent>) {}

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
    const duplicates = new Set<number>();
    try {
      await this.collection.insertMany(
        batch.map((p) => p.doc),
        { ordered: false },
      );
    } catch (err) {
      const writeErrors = (err as { writeErrors?: { index: number; code: number }[] }).writeErrors;
      const onlyDuplicates = writeErrors?.length && writeErrors.every((w) => w.code === 11000);
      if (!onlyDuplicates) {
        // Something other than duplicates failed: fail the whole batch so WeCom retries each event (dedupe absorbs
        // any that did get stored).
        for (const p of batch) p.reject(err);
        return;
      }
      for (const w of writeErrors) duplicates.add(w.index);
    }
    batch.forEach((p, i) => p.resolve(!duplicates.has(i)));
    if (this.queue.length && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.flush());
    }
  }
}
