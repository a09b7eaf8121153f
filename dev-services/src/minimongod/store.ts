// Databases, cursors and transactions of one server. Every command handler runs synchronously, so each command
// is atomic with respect to every other: that is what makes findOneAndUpdate-based locks (Agenda) correct here.
import { Long, type Document } from 'bson';
import { Collection } from './collection.js';
import { CommandError } from './errors.js';
import { canonicalKey } from './values.js';

type Database = Map<string, Collection>;

interface TxnEntry {
  work: Collection;
  /** the base documents as the transaction first saw them, for write-conflict detection at commit */
  snapshot: Map<string, Document>;
  written: Set<string>;
}

export interface Transaction {
  txnNumber: number;
  collections: Map<string, TxnEntry>;
}

interface Cursor {
  ns: string;
  docs: Document[];
  position: number;
}

const transientError = (code: number, codeName: string, message: string) =>
  new CommandError(code, codeName, message, { errorLabels: ['TransientTransactionError'] });

export class Store {
  private databases = new Map<string, Database>();
  private transactions = new Map<string, Transaction>();
  private cursors = new Map<number, Cursor>();
  private nextCursorId = 1;
  readonly startedAt = Date.now();

  database(name: string): Database {
    let db = this.databases.get(name);
    if (!db) this.databases.set(name, (db = new Map()));
    return db;
  }

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }

  dropDatabase(name: string): void {
    this.databases.delete(name);
  }

  /** The transaction a command belongs to (sessions send autocommit:false with every command of a transaction). */
  transactionFor(cmd: Document): Transaction | undefined {
    if (!cmd.lsid || cmd.autocommit !== false) return undefined;
    const sessionKey = canonicalKey(cmd.lsid.id);
    const txnNumber = Number(cmd.txnNumber);
    if (cmd.startTransaction) this.transactions.set(sessionKey, { txnNumber, collections: new Map() });
    const txn = this.transactions.get(sessionKey);
    if (!txn || txn.txnNumber !== txnNumber) {
      throw transientError(251, 'NoSuchTransaction', `Transaction with { txnNumber: ${txnNumber} } has been aborted.`);
    }
    return txn;
  }

  /** Resolves a collection, through the transaction's copy-on-write working set when there is one. */
  collection(txn: Transaction | undefined, dbName: string, name: string, create: boolean): Collection | undefined {
    const db = this.database(dbName);
    let base = db.get(name);
    base?.expire(Date.now());
    if (!txn) {
      if (!base && create) db.set(name, (base = new Collection(`${dbName}.${name}`)));
      return base;
    }
    const ns = `${dbName}.${name}`;
    let entry = txn.collections.get(ns);
    if (!entry) {
      if (!base && !create) return undefined;
      entry = {
        work: base ? base.fork() : new Collection(ns),
        snapshot: base ? new Map(base.docs) : new Map(),
        written: new Set(),
      };
      txn.collections.set(ns, entry);
    }
    return entry.work;
  }

  recordWrite(txn: Transaction | undefined, ns: string, doc: Document): void {
    txn?.collections.get(ns)?.written.add(canonicalKey(doc._id));
  }

  commit(cmd: Document): void {
    const sessionKey = canonicalKey(cmd.lsid.id);
    const txn = this.transactions.get(sessionKey);
    // A read-only transaction or a retried commit has nothing left to apply.
    if (!txn || txn.txnNumber !== Number(cmd.txnNumber)) return;
    this.transactions.delete(sessionKey);
    const targets = [...txn.collections].map(([ns, entry]) => ({ ns, entry, ...this.splitNs(ns) }));
    for (const { entry, dbName, name } of targets) {
      const base = this.database(dbName).get(name);
      for (const id of entry.written) {
        if (base?.docs.get(id) !== entry.snapshot.get(id)) {
          throw transientError(112, 'WriteConflict', 'Write conflict during plan execution and yielding is disabled.');
        }
      }
    }
    for (const { ns, entry, dbName, name } of targets) {
      const db = this.database(dbName);
      let base = db.get(name);
      if (!base) {
        base = new Collection(ns);
        for (const index of entry.work.indexes.slice(1)) base.addIndex({ ...index });
        db.set(name, base);
      }
      for (const id of entry.written) base.commitWrite(id, entry.work.docs.get(id));
    }
  }

  abort(cmd: Document): void {
    if (cmd.lsid) this.transactions.delete(canonicalKey(cmd.lsid.id));
  }

  private splitNs(ns: string): { dbName: string; name: string } {
    const dot = ns.indexOf('.');
    return { dbName: ns.slice(0, dot), name: ns.slice(dot + 1) };
  }

  openCursor(ns: string, docs: Document[], batchSize = 101, singleBatch = false): Document {
    let id = 0;
    if (!singleBatch && docs.length > batchSize) {
      id = this.nextCursorId++;
      this.cursors.set(id, { ns, docs, position: batchSize });
    }
    return { cursor: { firstBatch: docs.slice(0, batchSize), id: Long.fromNumber(id), ns } };
  }

  nextBatch(id: number, batchSize?: number): Document {
    const cursor = this.cursors.get(id);
    if (!cursor) throw new CommandError(43, 'CursorNotFound', `cursor id ${id} not found`);
    const batch = cursor.docs.slice(cursor.position, cursor.position + (batchSize ?? cursor.docs.length));
    cursor.position += batch.length;
    const done = cursor.position >= cursor.docs.length;
    if (done) this.cursors.delete(id);
    return { cursor: { nextBatch: batch, id: Long.fromNumber(done ? 0 : id), ns: cursor.ns } };
  }

  killCursors(ids: number[]): void {
    for (const id of ids) this.cursors.delete(id);
  }
}
