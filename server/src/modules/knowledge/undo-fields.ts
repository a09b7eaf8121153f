// What an undo of an update puts back: only what that change touched, and of that only what nobody wrote since. The
// history holds the item before and after the change; the item now may differ from "after" where something outside
// the history wrote — a POS stock report sets a product's or variant's stock directly — and that stays. Variants are
// matched by SKU, else by their options, so one variant's price comes back without the other variants' counts.

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

/** A variant's identity across versions of the product. */
const variantKey = (v: Json) =>
  isObj(v) ? (typeof v.sku === 'string' && v.sku ? `sku:${v.sku}` : `opt:${JSON.stringify(v.options ?? [])}`) : '';

/**
 * `now` with what the change from `before` to `after` touched set back to `before`, where `now` still holds what the
 * change wrote; a field written since keeps its value now.
 */
export function undoFields(now: Json, before: Json, after: Json): Json {
  if (same(before, after)) return now; // the change did not touch it
  if (same(now, after)) return before; // nothing wrote it since
  if (isObj(now) && isObj(before) && isObj(after)) {
    const out: Obj = { ...now };
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const back = undoFields(now[k], before[k], after[k]);
      if (back === undefined) delete out[k];
      else out[k] = back;
    }
    return out;
  }
  if (Array.isArray(now) && Array.isArray(before) && Array.isArray(after) && now.every(isObj)) {
    // variants neither added nor removed since the change: the ones it had before, each put back on its own (one it
    // added goes, one it removed comes back as it was)
    const keys = (list: Json[]) => list.map(variantKey).sort().join('|');
    if (keys(now) === keys(after)) {
      const of = (list: Json[], key: string) => list.find((v) => variantKey(v) === key);
      return before.map((b) => {
        const [n, a] = [of(now, variantKey(b)), of(after, variantKey(b))];
        return n && a ? undoFields(n, b, a) : b;
      });
    }
  }
  return now; // written since in a way this change cannot be told apart from: left as it is now
}
