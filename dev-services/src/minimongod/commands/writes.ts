import type { Document } from 'bson';
import { Aggregator } from 'mingo';
import { CommandError } from '../errors.js';
import { canonicalKey } from '../values.js';
import { applyUpdate, upsertDocument } from './update-document.js';
import { projectOne } from './projection.js';
import type { CommandContext, CommandHandler } from './context.js';

const sortDocs = (docs: Document[], sort?: Document) =>
  sort && Object.keys(sort).length ? (new Aggregator([{ $sort: sort }]).run(docs) as Document[]) : docs;

/**
 * Runs each statement of a batch; like mongod, an ordered batch stops at its first error and an unordered one
 * collects every error. Non-command errors (bugs) propagate and become an InternalError reply.
 */
function eachStatement<T>(ctx: CommandContext, statements: T[], run: (s: T) => void): Document[] {
  const writeErrors: Document[] = [];
  statements.forEach((statement, index) => {
    if (writeErrors.length && ctx.cmd.ordered !== false) return;
    try {
      run(statement);
    } catch (e) {
      if (!(e instanceof CommandError)) throw e;
      writeErrors.push({ index, code: e.code, errmsg: e.message, ...e.extra });
    }
  });
  return writeErrors;
}

const withErrors = (reply: Document, writeErrors: Document[]) =>
  writeErrors.length ? { ...reply, writeErrors } : reply;

export const writeCommands: Record<string, CommandHandler> = {
  insert: (ctx) => {
    const c = ctx.collection(true);
    let n = 0;
    const writeErrors = eachStatement(ctx, (ctx.cmd.documents ?? []) as Document[], (doc) => {
      ctx.wrote(c.insert(doc));
      n++;
    });
    return withErrors({ n }, writeErrors);
  },

  update: (ctx) => {
    const c = ctx.collection(true);
    let n = 0;
    let nModified = 0;
    const upserted: Document[] = [];
    const statements = ((ctx.cmd.updates ?? []) as Document[]).map((s, index): Document => ({ ...s, index }));
    const writeErrors = eachStatement(ctx, statements, ({ q = {}, u, upsert, multi, arrayFilters, sort, index }) => {
      const matches = multi ? c.match(q) : sortDocs(c.match(q), sort).slice(0, 1);
      for (const old of matches) {
        const next = applyUpdate(old, u, arrayFilters, q, false);
        n++;
        if (canonicalKey(next) !== canonicalKey(old)) {
          c.replace(old, next);
          ctx.wrote(next);
          nModified++;
        }
      }
      if (!matches.length && upsert) {
        const doc = c.insert(upsertDocument(q, u, arrayFilters));
        ctx.wrote(doc);
        n++;
        upserted.push({ index, _id: doc._id });
      }
    });
    return withErrors({ n, nModified, ...(upserted.length ? { upserted } : {}) }, writeErrors);
  },

  delete: (ctx) => {
    const c = ctx.collection(false);
    let n = 0;
    for (const statement of (ctx.cmd.deletes ?? []) as Document[]) {
      if (!c) break;
      const matches = c.match(statement.q);
      for (const doc of statement.limit === 1 ? matches.slice(0, 1) : matches) {
        c.remove(doc);
        ctx.wrote(doc);
        n++;
      }
    }
    return { n };
  },

  findandmodify: (ctx) => {
    const { cmd } = ctx;
    const c = ctx.collection(true);
    const query: Document = cmd.query ?? {};
    const old = sortDocs(c.match(query), cmd.sort)[0];
    const project = (d: Document | null | undefined) => projectOne(d ?? null, cmd.fields, query);
    if (cmd.remove) {
      if (old) {
        c.remove(old);
        ctx.wrote(old);
      }
      return { lastErrorObject: { n: old ? 1 : 0 }, value: project(old) };
    }
    if (old) {
      const next = applyUpdate(old, cmd.update, cmd.arrayFilters, query, false);
      if (canonicalKey(next) !== canonicalKey(old)) {
        c.replace(old, next);
        ctx.wrote(next);
      }
      return { lastErrorObject: { n: 1, updatedExisting: true }, value: project(cmd.new ? next : old) };
    }
    if (!cmd.upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null };
    const doc = c.insert(upsertDocument(query, cmd.update, cmd.arrayFilters));
    ctx.wrote(doc);
    return {
      lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id },
      value: project(cmd.new ? doc : null),
    };
  },
};
