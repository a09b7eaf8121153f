import type { Document } from 'bson';
import type { Collection } from '../collection.js';
import type { Store, Transaction } from '../store.js';

/** What a command handler sees: the parsed command, its database and (inside a transaction) its working set. */
export class CommandContext {
  constructor(
    readonly store: Store,
    readonly cmd: Document,
    readonly dbName: string,
    readonly connectionId: number,
    readonly txn: Transaction | undefined,
  ) {}

  /** The collection named by the command's first field (`{find: 'users'}` → users). */
  get collectionName(): string {
    const value = this.cmd[Object.keys(this.cmd)[0]!];
    return typeof value === 'string' ? value : '';
  }

  get ns(): string {
    return `${this.dbName}.${this.collectionName}`;
  }

  collection(create: true, name?: string): Collection;
  collection(create: false, name?: string): Collection | undefined;
  collection(create: boolean, name = this.collectionName): Collection | undefined {
    return this.store.collection(this.txn, this.dbName, name, create);
  }

  wrote(doc: Document, name = this.collectionName): void {
    this.store.recordWrite(this.txn, `${this.dbName}.${name}`, doc);
  }
}

export type CommandHandler = (ctx: CommandContext) => Document;
