// Turning an update spec (operators, replacement or pipeline) into the new document, and the upsert seed.
import type { Document } from 'bson';
import { Aggregator } from 'mingo';
import { update as applyOperators } from 'mingo/updater';
import { deepClone, hasOperatorKeys, isPlainObject, setAtPath, withIdFirst } from '../values.js';

export const isReplacement = (update: unknown): boolean => !Array.isArray(update) && !hasOperatorKeys(update);

export function applyUpdate(
  old: Document,
  update: Document | Document[],
  arrayFilters: Document[] | undefined,
  query: Document,
  isInsert: boolean,
): Document {
  if (Array.isArray(update)) return new Aggregator(update).run([deepClone(old)])[0] as Document;
  if (isReplacement(update)) return withIdFirst({ ...deepClone(update), _id: old._id });
  const { $setOnInsert, ...operators } = update;
  if (isInsert && $setOnInsert) operators.$set = { ...(operators.$set ?? {}), ...$setOnInsert };
  const doc = deepClone(old);
  // mingo's updater takes loosely typed arguments; the shapes here are exactly MongoDB's.
  if (Object.keys(operators).length)
    applyOperators(doc, operators as never, (arrayFilters ?? []) as never, query as never);
  return doc;
}

/** The document an upsert starts from: the equality conditions of its query, as mongod builds it. */
export function upsertSeed(query: Document): Document {
  const seed: Document = {};
  const walk = (filter: Document) => {
    for (const [key, value] of Object.entries(filter ?? {})) {
      if (key === '$and') (value as Document[]).forEach(walk);
      else if (key.startsWith('$')) continue;
      else if (hasOperatorKeys(value)) {
        if (isPlainObject(value) && '$eq' in value) setAtPath(seed, key, deepClone(value.$eq));
      } else setAtPath(seed, key, deepClone(value));
    }
  };
  walk(query);
  return seed;
}

export function upsertDocument(query: Document, update: Document | Document[], arrayFilters?: Document[]): Document {
  const seed = upsertSeed(query);
  if (isReplacement(update)) {
    return withIdFirst({ ...(seed._id !== undefined ? { _id: seed._id } : {}), ...deepClone(update as Document) });
  }
  return applyUpdate(seed, update, arrayFilters, query, true);
}
