// E11000 is how our unique indexes make writes idempotent (a replay, a second worker, a race): these read that answer.

export const isDuplicateKey = (e: unknown) => (e as { code?: number } | null)?.code === 11000;

/** Inserts one document: true when it is new, false when its unique key says it is already there (a claim lost). */
export const insertedOnce = (insert: () => Promise<unknown>): Promise<boolean> =>
  insert().then(
    () => true,
    (err: unknown) => (isDuplicateKey(err) ? false : Promise.reject(err)),
  );

/**
 * Runs an unordered bulk insert and returns how many documents were new: duplicates are skipped, any other error is
 * thrown. Reads both Mongoose's and the driver's bulk error shapes.
 */
export async function insertedSkippingDuplicates(insert: () => Promise<{ insertedCount: number }>): Promise<number> {
  try {
    return (await insert()).insertedCount;
  } catch (e) {
    const err = e as {
      writeErrors?: unknown[] | unknown;
      insertedCount?: number;
      result?: { insertedCount?: number };
      insertedDocs?: unknown[];
    };
    const errors = Array.isArray(err.writeErrors) ? err.writeErrors : err.writeErrors ? [err.writeErrors] : [e];
    if (!errors.every(isDuplicateKey)) throw e;
    return err.insertedCount ?? err.result?.insertedCount ?? err.insertedDocs?.length ?? 0;
  }
}
