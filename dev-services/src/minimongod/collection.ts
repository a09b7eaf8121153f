// One in-memory collection: documents by canonical _id, index specs, and the key maps that enforce unique
// indexes (the concurrency backstop the product relies on, so they must raise E11000 exactly like mongod).
import { BSON, ObjectId, type Document } from 'bson';
import { Query } from 'mingo';
import { CommandError, duplicateKeyError, unsupported } from './errors.js';
import { canonicalKey, hasOperatorKeys, isPlainObject, valuesAtPath, withIdFirst } from './values.js';

export interface IndexSpec {
  v: number;
  key: Document;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
  [option: string]: unknown;
}

const ID_INDEX: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

/** An $in list longer than this is scanned rather than looked up value by value. */
const MAX_IN_VALUES = 1000;

/** Every combination of one value per field (at most one field has several). */
function combinations(choices: unknown[][]): unknown[][] {
  return choices.reduce<unknown[][]>(
    (acc, options) => acc.flatMap((prefix) => options.map((o) => [...prefix, o])),
    [[]],
  );
}

export class Collection {
  docs = new Map<string, Document>();
  indexes: IndexSpec[] = [{ ...ID_INDEX }];
  /** unique index name -> index key -> canonical _id of the owner */
  private uniqueKeys = new Map<string, Map<string, string>>();
  /**
   * Lookup buckets for equality queries, like a B-tree's equality prefix: "<index name>/<k>" -> key of the first k
   * indexed values -> ids. Only candidate selection uses them; every candidate is still matched by the query engine.
   */
  private buckets = new Map<string, Map<string, Set<string>>>();
  uuid = new BSON.UUID();

  constructor(public ns: string) {}

  /** A copy-on-write working set for a transaction. Documents themselves are never mutated in place. */
  fork(): Collection {
    const copy = new Collection(this.ns);
    copy.docs = new Map(this.docs);
    copy.indexes = this.indexes.map((i) => ({ ...i }));
    copy.uuid = this.uuid;
    for (const [name, keys] of this.uniqueKeys) copy.uniqueKeys.set(name, new Map(keys));
    for (const [name, bucket] of this.buckets)
      copy.buckets.set(name, new Map([...bucket].map(([k, ids]) => [k, new Set(ids)])));
    return copy;
  }

  /** Indexes that hold every document (not sparse or partial) can serve lookups, by each prefix of their fields. */
  private static lookupPrefixes(spec: IndexSpec): IndexSpec[] {
    if (spec.sparse || spec.partialFilterExpression || spec.name === '_id_') return [];
    const fields = Object.keys(spec.key);
    return fields.map((_, k) => ({
      ...spec,
      name: `${spec.name}/${k + 1}`,
      key: Object.fromEntries(fields.slice(0, k + 1).map((f) => [f, 1])),
    }));
  }

  private bucketAdd(id: string, doc: Document): void {
    for (const spec of this.indexes) {
      for (const prefix of Collection.lookupPrefixes(spec)) {
        let bucket = this.buckets.get(prefix.name);
        if (!bucket) this.buckets.set(prefix.name, (bucket = new Map()));
        for (const key of this.indexEntries(prefix, doc)?.keys ?? []) {
          let ids = bucket.get(key);
          if (!ids) bucket.set(key, (ids = new Set()));
          ids.add(id);
        }
      }
    }
  }

  private bucketRemove(id: string, doc: Document): void {
    for (const spec of this.indexes) {
      for (const prefix of Collection.lookupPrefixes(spec)) {
        const bucket = this.buckets.get(prefix.name);
        for (const key of this.indexEntries(prefix, doc)?.keys ?? []) bucket?.get(key)?.delete(id);
      }
    }
  }

  private indexEntries(spec: IndexSpec, doc: Document): { keys: string[]; keyValue: Document } | null {
    if (spec.partialFilterExpression && !new Query(spec.partialFilterExpression).test(doc)) return null;
    const fields = Object.keys(spec.key);
    if (spec.sparse && fields.every((f) => valuesAtPath(doc, f).length === 0)) return null;
    // Multikey: an array contributes one entry per element (an empty array indexes as itself).
    const perField = fields.map((f) => {
      const values = valuesAtPath(doc, f).flatMap((v) => (Array.isArray(v) && v.length ? v : [v]));
      return values.length ? values : [null];
    });
    let combos: unknown[][] = [[]];
    for (const values of perField) combos = combos.flatMap((c) => values.map((v) => [...c, v]));
    const keyValue: Document = {};
    fields.forEach((f, i) => (keyValue[f] = combos[0]![i]));
    return { keys: [...new Set(combos.map((c) => canonicalKey(c)))], keyValue };
  }

  private checkUnique(doc: Document, selfId?: string): void {
    for (const spec of this.indexes) {
      if (!spec.unique) continue;
      const entries = this.indexEntries(spec, doc);
      if (!entries) continue;
      const owners = this.uniqueKeys.get(spec.name)!;
      for (const key of entries.keys) {
        const owner = owners.get(key);
        if (owner !== undefined && owner !== selfId) throw duplicateKeyError(this.ns, spec, entries.keyValue);
      }
    }
  }

  private unindex(id: string, doc: Document): void {
    this.bucketRemove(id, doc);
    for (const spec of this.indexes) {
      if (!spec.unique) continue;
      const owners = this.uniqueKeys.get(spec.name)!;
      for (const key of this.indexEntries(spec, doc)?.keys ?? []) if (owners.get(key) === id) owners.delete(key);
    }
  }

  private store(doc: Document, previousId?: string): void {
    const id = canonicalKey(doc._id);
    const old = this.docs.get(previousId ?? id);
    if (old) this.unindex(previousId ?? id, old);
    this.docs.set(id, doc);
    this.bucketAdd(id, doc);
    for (const spec of this.indexes) {
      if (!spec.unique) continue;
      for (const key of this.indexEntries(spec, doc)?.keys ?? []) this.uniqueKeys.get(spec.name)!.set(key, id);
    }
  }

  insert(input: Document): Document {
    const doc = withIdFirst(input._id === undefined ? { _id: new ObjectId(), ...input } : input);
    if (this.docs.has(canonicalKey(doc._id))) throw duplicateKeyError(this.ns, ID_INDEX, { _id: doc._id });
    this.checkUnique(doc);
    this.store(doc);
    return doc;
  }

  replace(oldDoc: Document, newDoc: Document): void {
    const id = canonicalKey(oldDoc._id);
    if (canonicalKey(newDoc._id) !== id) {
      throw new CommandError(
        66,
        'ImmutableField',
        "Performing an update on the path '_id' would modify the immutable field '_id'",
      );
    }
    this.checkUnique(newDoc, id);
    this.store(newDoc, id);
  }

  /** Re-applies a document written inside a transaction onto the base collection at commit. */
  commitWrite(id: string, doc: Document | undefined): void {
    const old = this.docs.get(id);
    if (old) this.remove(old);
    if (doc) {
      this.checkUnique(doc);
      this.store(doc);
    }
  }

  remove(doc: Document): void {
    const id = canonicalKey(doc._id);
    this.unindex(id, doc);
    this.docs.delete(id);
  }

  addIndex(spec: IndexSpec): void {
    if (spec.unique) {
      const owners = new Map<string, string>();
      for (const [id, doc] of this.docs) {
        const entries = this.indexEntries(spec, doc);
        for (const key of entries?.keys ?? []) {
          if (owners.has(key)) throw duplicateKeyError(this.ns, spec, entries!.keyValue);
          owners.set(key, id);
        }
      }
      this.uniqueKeys.set(spec.name, owners);
    }
    this.indexes.push(spec);
    for (const prefix of Collection.lookupPrefixes(spec)) {
      const bucket = new Map<string, Set<string>>();
      for (const [id, doc] of this.docs) {
        for (const key of this.indexEntries(prefix, doc)?.keys ?? []) {
          let ids = bucket.get(key);
          if (!ids) bucket.set(key, (ids = new Set()));
          ids.add(id);
        }
      }
      this.buckets.set(prefix.name, bucket);
    }
  }

  dropIndexes(shouldDrop: (spec: IndexSpec) => boolean): void {
    this.indexes = this.indexes.filter((i) => i.name === ID_INDEX.name || !shouldDrop(i));
    for (const name of [...this.uniqueKeys.keys()]) {
      if (!this.indexes.some((i) => i.name === name)) this.uniqueKeys.delete(name);
    }
    for (const name of [...this.buckets.keys()]) {
      if (!this.indexes.some((i) => name.startsWith(`${i.name}/`))) this.buckets.delete(name);
    }
  }

  /**
   * The documents an equality prefix of some index narrows the filter to (the smallest such set), or null. Like
   * mongod's index bounds, one field of the prefix may be an $in list: its values' buckets are united.
   */
  private indexedCandidates(filter: Document): { docs: Document[]; covered: string[] } | null {
    let best: Set<string> | null = null;
    let covered: string[] = [];
    for (const spec of this.indexes) {
      const prefixes = Collection.lookupPrefixes(spec);
      const choices: unknown[][] = [];
      for (const field of Object.keys(spec.key)) {
        const v = filter[field];
        const eq = isPlainObject(v) && Object.keys(v).length === 1 && '$eq' in v ? v.$eq : v;
        const list =
          isPlainObject(v) && Object.keys(v).length === 1 && Array.isArray(v.$in) ? (v.$in as unknown[]) : undefined;
        if (
          list &&
          list.length <= MAX_IN_VALUES &&
          !choices.some((c) => c.length > 1) &&
          list.every((x) => !(x instanceof RegExp) && !Array.isArray(x) && !hasOperatorKeys(x))
        ) {
          choices.push(list);
          continue;
        }
        if (eq === undefined || Array.isArray(eq) || eq instanceof RegExp || hasOperatorKeys(eq)) break;
        choices.push([eq]);
      }
      if (!choices.length || !prefixes.length) continue;
      const bucket = this.buckets.get(prefixes[choices.length - 1]!.name);
      const ids = new Set<string>();
      for (const values of combinations(choices)) for (const id of bucket?.get(canonicalKey(values)) ?? []) ids.add(id);
      if (!best || ids.size < best.size) {
        best = ids;
        covered = Object.keys(spec.key).slice(0, choices.length);
      }
    }
    return best ? { docs: [...best].map((id) => this.docs.get(id)!).filter(Boolean), covered } : null;
  }

  /**
   * Point lookups on _id, then equality prefixes of indexes, avoid a scan; anything else scans. `covered` names the
   * filter fields the index lookup already satisfied (bucket membership is that equality or $in), so matching can
   * skip them: a long $in is then not compared document by document.
   */
  private candidates(filter: Document): { docs: Document[]; covered: string[] } {
    const idFilter = filter._id;
    if (idFilter === undefined) return this.indexedCandidates(filter) ?? { docs: [...this.docs.values()], covered: [] };
    return { docs: this.idCandidates(idFilter), covered: [] };
  }

  private idCandidates(idFilter: unknown): Document[] {
    if (!hasOperatorKeys(idFilter)) return this.lookup([idFilter]);
    const ops = Object.keys(idFilter as Document);
    if (ops.length === 1 && ops[0] === '$eq') return this.lookup([(idFilter as Document).$eq]);
    if (ops.length === 1 && ops[0] === '$in') return this.lookup((idFilter as Document).$in as unknown[]);
    return [...this.docs.values()];
  }

  private lookup(ids: unknown[]): Document[] {
    return ids.map((id) => this.docs.get(canonicalKey(id))).filter((d): d is Document => d !== undefined);
  }

  match(filter: Document | undefined): Document[] {
    if (!filter || Object.keys(filter).length === 0) return [...this.docs.values()];
    rejectUnsupportedFilter(filter);
    const { docs, covered } = this.candidates(filter);
    const rest = covered.length
      ? Object.fromEntries(Object.entries(filter).filter(([k]) => !covered.includes(k)))
      : filter;
    if (!Object.keys(rest).length) return docs;
    const query = new Query(rest);
    return docs.filter((d) => query.test(d));
  }

  private lastExpiry = 0;

  /**
   * TTL indexes: mongod's monitor removes expired documents every 60 s; we do it lazily on access, at most once a
   * second per collection (a scan on every command would make each write O(n)).
   */
  expire(now: number): void {
    if (now - this.lastExpiry < 1000) return;
    this.lastExpiry = now;
    for (const spec of this.indexes) {
      if (typeof spec.expireAfterSeconds !== 'number') continue;
      const field = Object.keys(spec.key)[0]!;
      for (const doc of [...this.docs.values()]) {
        const dates = valuesAtPath(doc, field)
          .flat()
          .filter((v): v is Date => v instanceof Date);
        if (dates.length && Math.min(...dates.map((d) => d.getTime())) + spec.expireAfterSeconds * 1000 <= now) {
          this.remove(doc);
        }
      }
    }
  }
}

function rejectUnsupportedFilter(filter: Document): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$text') throw unsupported('$text queries');
    if (key === '$where') throw unsupported('$where');
    if (key === '$and' || key === '$or' || key === '$nor') (value as Document[]).forEach(rejectUnsupportedFilter);
    else if (isPlainObject(value) && ('$near' in value || '$nearSphere' in value || '$geoWithin' in value)) {
      throw unsupported('geospatial queries');
    }
  }
}
