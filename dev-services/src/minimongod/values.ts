// Value helpers for the in-memory store. Documents are plain BSON-deserialised objects; everything that is not
// a plain object, array or Date (ObjectId, Binary, Decimal128, RegExp ...) is treated as immutable.
import { EJSON, ObjectId, type Document } from 'bson';

export const isPlainObject = (v: unknown): v is Document =>
  v !== null &&
  typeof v === 'object' &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

export function deepClone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(deepClone) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (isPlainObject(v)) {
    const out: Document = {};
    for (const k of Object.keys(v)) out[k] = deepClone(v[k]);
    return out as T;
  }
  return v;
}

/**
 * A canonical string for a value, used as map key for _id lookups and index entries. The common types get a cheap
 * tagged form (this runs for every index of every write); anything else goes through EJSON.
 */
export function canonicalKey(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return `s:${v}`;
    case 'number':
      return `n:${v}`;
    case 'boolean':
      return `b:${v}`;
  }
  if (v instanceof Date) return `d:${v.getTime()}`;
  if (v instanceof ObjectId) return `o:${v.toHexString()}`;
  if (Array.isArray(v)) return `[${v.map(canonicalKey).join(',')}]`;
  return `j:${EJSON.stringify(v as Document, { relaxed: true })}`;
}

/** All values reachable at a dotted path, descending through arrays the way MongoDB does for indexes. */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  let current: unknown[] = [doc];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const c of current) {
      if (Array.isArray(c)) {
        for (const element of c) {
          if (isPlainObject(element) && part in element) next.push(element[part]);
        }
        if (/^\d+$/.test(part) && c[Number(part)] !== undefined) next.push(c[Number(part)]);
      } else if (isPlainObject(c) && part in c) {
        next.push(c[part]);
      }
    }
    current = next;
  }
  return current;
}

export function setAtPath(doc: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let cursor = doc;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(cursor[part])) cursor[part] = {};
    cursor = cursor[part] as Document;
  }
  cursor[parts[parts.length - 1]!] = value;
}

/** MongoDB keeps `_id` as the first field of every stored document. */
export const withIdFirst = (doc: Document): Document => {
  const { _id, ...rest } = doc;
  return { _id, ...rest };
};

export const hasOperatorKeys = (v: unknown): boolean =>
  isPlainObject(v) && Object.keys(v).some((k) => k.startsWith('$'));
