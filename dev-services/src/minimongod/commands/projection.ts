import type { Document } from 'bson';
import { Query } from 'mingo';

/** Applies a projection with mingo, then restores the stored field order (mongod returns fields in document order). */
export function projectOne(doc: Document | null, projection: Document | undefined, filter?: Document): Document | null {
  if (!doc || !projection || !Object.keys(projection).length) return doc;
  const projected = new Query(filter ?? {}).find([doc], projection).all()[0] as Document | undefined;
  if (!projected) return projected ?? null;
  const ordered: Document = {};
  for (const key of Object.keys(doc)) if (key in projected) ordered[key] = projected[key];
  for (const key of Object.keys(projected)) if (!(key in ordered)) ordered[key] = projected[key];
  return ordered;
}
