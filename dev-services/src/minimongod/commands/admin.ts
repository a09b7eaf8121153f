// Handshake, server information and namespace commands: what drivers, Mongoose and Agenda send around the data.
import { Long, type Document } from 'bson';
import { Query } from 'mingo';
import { Collection } from '../collection.js';
import { CommandError } from '../errors.js';
import type { CommandHandler } from './context.js';

const MAX_BSON = 16 * 1024 * 1024;
const VERSION = '7.0.0-minimongod';
const noop: CommandHandler = () => ({});

const hello: CommandHandler = (ctx) => ({
  helloOk: true,
  ismaster: true,
  isWritablePrimary: true,
  maxBsonObjectSize: MAX_BSON,
  maxMessageSizeBytes: 48_000_000,
  maxWriteBatchSize: 100_000,
  localTime: new Date(),
  logicalSessionTimeoutMinutes: 30,
  connectionId: ctx.connectionId,
  minWireVersion: 0,
  maxWireVersion: 21,
  readOnly: false,
});

export const adminCommands: Record<string, CommandHandler> = {
  hello,
  ismaster: hello,
  ping: noop,
  endsessions: noop,
  killsessions: noop,
  refreshsessions: noop,
  killallsessions: noop,
  logout: noop,
  buildinfo: () => ({
    version: VERSION,
    versionArray: [7, 0, 0, 0],
    gitVersion: 'minimongod',
    bits: 64,
    maxBsonObjectSize: MAX_BSON,
    storageEngines: ['memory'],
    modules: [],
  }),
  getparameter: () => ({ featureCompatibilityVersion: { version: '7.0' } }),
  getcmdlineopts: () => ({ argv: ['minimongod'], parsed: {} }),
  hostinfo: () => ({ system: { hostname: '127.0.0.1', numCores: 1 }, os: { type: 'Linux' } }),
  whatsmyuri: () => ({ you: '127.0.0.1:0' }),
  getlog: () => ({ names: [], log: [], totalLinesWritten: 0 }),
  serverstatus: (ctx) => ({
    host: '127.0.0.1',
    version: VERSION,
    process: 'mongod',
    pid: Long.fromNumber(process.pid),
    uptime: (Date.now() - ctx.store.startedAt) / 1000,
    localTime: new Date(),
    connections: { current: 0 },
  }),
  committransaction: (ctx) => {
    ctx.store.commit(ctx.cmd);
    return {};
  },
  aborttransaction: (ctx) => {
    ctx.store.abort(ctx.cmd);
    return {};
  },
  listdatabases: (ctx) => ({
    databases: ctx.store.databaseNames().map((name) => ({
      name,
      sizeOnDisk: 0,
      empty: ctx.store.database(name).size === 0,
    })),
    totalSize: 0,
  }),
  dropdatabase: (ctx) => {
    ctx.store.dropDatabase(ctx.dbName);
    return { dropped: ctx.dbName };
  },
  dbstats: (ctx) => {
    const db = ctx.store.database(ctx.dbName);
    let objects = 0;
    for (const c of db.values()) objects += c.docs.size;
    return { db: ctx.dbName, collections: db.size, objects };
  },
  create: (ctx) => {
    const db = ctx.store.database(ctx.dbName);
    if (db.has(ctx.collectionName))
      throw new CommandError(48, 'NamespaceExists', `Collection ${ctx.ns} already exists.`);
    db.set(ctx.collectionName, new Collection(ctx.ns));
    return {};
  },
  drop: (ctx) => {
    const db = ctx.store.database(ctx.dbName);
    const existing = db.get(ctx.collectionName);
    db.delete(ctx.collectionName);
    return { ns: ctx.ns, nIndexesWas: existing?.indexes.length ?? 0 };
  },
  renamecollection: (ctx) => {
    const [fromDb, fromName] = splitNs(String(ctx.cmd.renameCollection));
    const [toDb, toName] = splitNs(String(ctx.cmd.to));
    const source = ctx.store.database(fromDb).get(fromName);
    if (!source) throw new CommandError(26, 'NamespaceNotFound', 'source namespace does not exist');
    if (ctx.store.database(toDb).has(toName) && !ctx.cmd.dropTarget) {
      throw new CommandError(48, 'NamespaceExists', 'target namespace exists');
    }
    ctx.store.database(fromDb).delete(fromName);
    source.ns = `${toDb}.${toName}`;
    ctx.store.database(toDb).set(toName, source);
    return {};
  },
  listcollections: (ctx) => {
    const all: Document[] = [...ctx.store.database(ctx.dbName)].map(([name, c]) => ({
      name,
      type: 'collection',
      options: {},
      info: { readOnly: false, uuid: c.uuid },
      idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
    }));
    const filter = ctx.cmd.filter as Document | undefined;
    const matching = filter && Object.keys(filter).length ? all.filter((d) => new Query(filter).test(d)) : all;
    const docs = ctx.cmd.nameOnly ? matching.map((d) => ({ name: d.name, type: d.type })) : matching;
    return ctx.store.openCursor(`${ctx.dbName}.$cmd.listCollections`, docs, ctx.cmd.cursor?.batchSize);
  },
  collstats: (ctx) => {
    const c = ctx.store.database(ctx.dbName).get(ctx.collectionName);
    return { ns: ctx.ns, count: c?.docs.size ?? 0, size: 0, nindexes: c?.indexes.length ?? 0 };
  },
};

function splitNs(ns: string): [string, string] {
  const dot = ns.indexOf('.');
  return [ns.slice(0, dot), ns.slice(dot + 1)];
}
