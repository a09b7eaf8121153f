// Group commit for independent writes to one collection: one unordered bulkWrite at a time carries every write
// issued since the previous one went out, and each caller's promise settles when its bulkWrite has — with its own
// operation's error if that one failed. Nothing is acknowledged before it is stored; under concurrency one round trip
// serves many callers (the bot's decision log and outgoing message statuses, written once per customer message).
import type { AnyBulkWriteOperation, Collection, Document, ObjectId } from 'mongodb';

/** What became of one write: the id of the document an upsert inserted, if it did. */
export interface WriteOutcome {
  upsertedId?: ObjectId;
}

interface Pending<T extends Document> {
  op: AnyBulkWriteOperation<T>;
  resolve: (outcome: WriteOutcome) => void;
  reject: (err: unknown) => void;
}

type BulkResult = { upsertedIds?: Record<number, ObjectId> };

const MAX_BATCH = 500;

export class BatchedWrites<T extends Document> {
  private queue: Pending<T>[] = [];
  private scheduled = false;
  private flushing = false;

  constructor(private collection: Collection<T>) {}

  write(op: AnyBulkWriteOperation<T>): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ op, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.flushing = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      const outcome = (result: BulkResult | undefined, i: number): WriteOutcome => ({
        upsertedId: result?.upsertedIds?.[i],
      });
      try {
        const result = await this.collection.bulkWrite(
          batch.map((p) => p.op),
          { ordered: false },
        );
        batch.forEach((p, i) => p.resolve(outcome(result, i)));
      } catch (err) {
        const { writeErrors, result } = err as { writeErrors?: { index: number }[]; result?: BulkResult };
        if (!writeErrors?.length) {
          for (const p of batch) p.reject(err);
          continue;
        }
        const failed = new Map(writeErrors.map((w) => [w.index, w]));
        batch.forEach((p, i) => (failed.has(i) ? p.reject(failed.get(i)) : p.resolve(outcome(result, i))));
      }
    }
    this.flushing = false;
  }
}
