import { Collection } from '../collection.js';
import { Aggregator, Query } from 'mingo';
import type { Document } from 'bson';
import { unsupported } from '../errors.js';
import { canonicalKey, deepClone, valuesAtPath, withIdFirst } from '../values.js';
import { projectOne } from './projection.js';
import type { CommandContext, CommandHandler } from './context.js';

const UNSUPPORTED_STAGES = [
  '$changeStream',
  '$merge',
  '$search',
  '$geoNear',
  '$currentOp',
  '$collStats',
  '$indexStats',
];

function checkPipeline(pipeline: Document[]): void {
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0]!;
    if (UNSUPPORTED_STAGES.includes(name)) throw unsupported(`the ${name} aggregation stage`);
  }
}

function runAggregate(ctx: CommandContext): Document {
  const pipeline = (ctx.cmd.pipeline ?? []) as Document[];
  checkPipeline(pipeline);
  const last = pipeline[pipeline.length - 1];
  const out = last && '$out' in last ? last.$out : undefined;
  const stages = out ? pipeline.slice(0, -1) : pipeline;
  const source = typeof ctx.cmd.aggregate === 'string' ? ctx.collection(false) : undefined;
  // A leading $match is applied through the collection (index candidates, no copies of what it filters out), as
  // mongod would use an index for it; the rest of the pipeline runs on copies of the matching documents only.
  const first = stages[0];
  const leading =
    first && Object.keys(first).length === 1 && '$match' in first ? (first.$match as Document) : undefined;
  const input = (source?.match(leading) ?? []).map(deepClone);
  const result = new Aggregator(leading ? stages.slice(1) : stages, {
    // $lookup and $unionWith read other collections of the same database (through the transaction when there is one)
    collectionResolver: (name: string) => (ctx.collection(false, name)?.match(undefined) ?? []).map(deepClone),
  } as never).run(input) as Document[];
  if (out === undefined) return ctx.store.openCursor(ctx.ns, result, ctx.cmd.cursor?.batchSize);
  const target = typeof out === 'string' ? out : String(out.coll);
  const collection = new Collection(`${ctx.dbName}.${target}`);
  for (const doc of result) collection.insert(withIdFirst(doc));
  ctx.store.database(ctx.dbName).set(target, collection);
  return ctx.store.openCursor(ctx.ns, []);
}

export const readCommands: Record<string, CommandHandler> = {
  find: (ctx) => {
    const { cmd } = ctx;
    const c = ctx.collection(false);
    const filter: Document = cmd.filter ?? {};
    let cursor = new Query({}).find(c ? c.match(filter) : []);
    if (cmd.sort && Object.keys(cmd.sort).length) cursor = cursor.sort(cmd.sort);
    if (cmd.skip) cursor = cursor.skip(cmd.skip);
    const limit = Math.abs(Number(cmd.limit ?? 0));
    if (limit) cursor = cursor.limit(limit);
    const docs = (cursor.all() as Document[]).map((d) => projectOne(d, cmd.projection, filter)!);
    return ctx.store.openCursor(ctx.ns, docs, cmd.batchSize, Boolean(cmd.singleBatch) || Number(cmd.limit) < 0);
  },

  getmore: (ctx) => ctx.store.nextBatch(Number(ctx.cmd.getMore), ctx.cmd.batchSize),

  killcursors: (ctx) => {
    const ids = ((ctx.cmd.cursors ?? []) as unknown[]).map(Number);
    ctx.store.killCursors(ids);
    return { cursorsKilled: ctx.cmd.cursors ?? [], cursorsNotFound: [], cursorsAlive: [], cursorsUnknown: [] };
  },

  count: (ctx) => {
    let matches = ctx.collection(false)?.match(ctx.cmd.query) ?? [];
    if (ctx.cmd.skip) matches = matches.slice(ctx.cmd.skip);
    if (ctx.cmd.limit) matches = matches.slice(0, Math.abs(ctx.cmd.limit));
    return { n: matches.length };
  },

  distinct: (ctx) => {
    const seen = new Map<string, unknown>();
    for (const doc of ctx.collection(false)?.match(ctx.cmd.query) ?? []) {
      for (const v of valuesAtPath(doc, ctx.cmd.key).flatMap((x) => (Array.isArray(x) ? x : [x]))) {
        seen.set(canonicalKey(v), v);
      }
    }
    return { values: [...seen.values()] };
  },

  aggregate: runAggregate,
};
