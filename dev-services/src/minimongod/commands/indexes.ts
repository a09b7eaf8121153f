import type { IndexSpec } from '../collection.js';
import { CommandError } from '../errors.js';
import { canonicalKey } from '../values.js';
import type { CommandHandler } from './context.js';

export const indexCommands: Record<string, CommandHandler> = {
  createindexes: (ctx) => {
    const c = ctx.collection(true);
    const before = c.indexes.length;
    for (const spec of ctx.cmd.indexes as IndexSpec[]) {
      const sameName = c.indexes.find((i) => i.name === spec.name);
      if (sameName) {
        if (canonicalKey(sameName.key) !== canonicalKey(spec.key)) {
          throw new CommandError(
            86,
            'IndexKeySpecsConflict',
            `An existing index has the same name as the requested index: ${spec.name}`,
          );
        }
        if (Boolean(sameName.unique) !== Boolean(spec.unique)) {
          throw new CommandError(
            85,
            'IndexOptionsConflict',
            `Index already exists with different options: ${spec.name}`,
          );
        }
        continue;
      }
      const sameKey = c.indexes.find((i) => canonicalKey(i.key) === canonicalKey(spec.key));
      if (sameKey && Boolean(sameKey.unique) === Boolean(spec.unique)) continue;
      if (sameKey)
        throw new CommandError(
          85,
          'IndexOptionsConflict',
          `Index already exists with a different name: ${sameKey.name}`,
        );
      c.addIndex({ ...spec, v: spec.v ?? 2 });
    }
    return { numIndexesBefore: before, numIndexesAfter: c.indexes.length, createdCollectionAutomatically: false };
  },

  listindexes: (ctx) => {
    const c = ctx.collection(false);
    if (!c) throw new CommandError(26, 'NamespaceNotFound', `ns does not exist: ${ctx.ns}`);
    return ctx.store.openCursor(
      ctx.ns,
      c.indexes.map((i) => ({ ...i })),
      ctx.cmd.cursor?.batchSize,
    );
  },

  dropindexes: (ctx) => {
    const c = ctx.collection(false);
    if (!c) throw new CommandError(26, 'NamespaceNotFound', `ns not found ${ctx.ns}`);
    const which = ctx.cmd.index;
    // like mongod: the _id index is never dropped by name or key ('*' drops all the others)
    if (
      which === '_id_' ||
      (which && typeof which === 'object' && !Array.isArray(which) && canonicalKey(which) === canonicalKey({ _id: 1 }))
    )
      throw new CommandError(72, 'InvalidOptions', 'cannot drop _id index');
    const before = c.indexes.length;
    if (which === '*') c.dropIndexes(() => true);
    else if (typeof which === 'string') {
      if (!c.indexes.some((i) => i.name === which)) {
        throw new CommandError(27, 'IndexNotFound', `index not found with name [${which}]`);
      }
      c.dropIndexes((i) => i.name === which);
    } else if (Array.isArray(which)) c.dropIndexes((i) => which.includes(i.name));
    else c.dropIndexes((i) => canonicalKey(i.key) === canonicalKey(which));
    return { nIndexesWas: before };
  },
};
