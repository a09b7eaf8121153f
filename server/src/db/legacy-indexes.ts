import type { Connection } from 'mongoose';

/**
 * Indexes an earlier version created that the models no longer declare and that would now refuse valid writes.
 * createIndexes never drops anything, so each is dropped here by name before the models' indexes are ensured.
 */
export const LEGACY_INDEXES: ReadonlyArray<{ collection: string; name: string }> = [
  // one webhook endpoint per merchant: a shop now has one per sending system
  { collection: 'intake_endpoints', name: 'merchantId_1' },
  // Idempotency-Keys unique per merchant: they are now per endpoint (two systems may pick the same key)
  { collection: 'intake_requests', name: 'merchantId_1_key_1' },
];

/** MongoDB's answers when there is nothing to drop: the index is gone, or the collection was never created. */
const ALREADY_GONE = new Set([26 /* NamespaceNotFound */, 27 /* IndexNotFound */]);

/**
 * Drops each legacy index that is still there. Idempotent and safe when several processes boot at once: whichever
 * drops it first wins, and the others' "index not found" is the same outcome.
 */
export async function dropLegacyIndexes(
  connection: Connection,
  legacy: ReadonlyArray<{ collection: string; name: string }> = LEGACY_INDEXES,
): Promise<string[]> {
  const dropped: string[] = [];
  for (const { collection, name } of legacy) {
    try {
      await connection.db!.collection(collection).dropIndex(name);
      dropped.push(`${collection}.${name}`);
    } catch (err) {
      if (!ALREADY_GONE.has((err as { code?: number }).code ?? -1)) throw err;
    }
  }
  return dropped;
}
