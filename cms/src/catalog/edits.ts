/**
 * What differs between two catalog versions, worked out from how each was made (edits on a large
 * part, or a full rebuild of an earlier version) rather than by comparing every entry: see
 * Catalog.editsSince.
 */
import type { Named } from './catalog';
import type { Entry } from './entry';

/** What one version holds that another does not: the entries gone, and those come. */
export interface Edits<R extends Named, F extends string> {
  removed: Entry<R, F>[];
  added: Entry<R, F>[];
}

/** A version as edits on its large part: the slots gone, and the entries added (live). */
export interface Side<R extends Named, F extends string> {
  goneSlots: readonly number[];
  isGone: (slot: number) => boolean;
  delta: readonly Entry<R, F>[];
}
export const inSet = (slots: readonly number[]) => {
  const set = new Set(slots);
  return (slot: number) => set.has(slot);
};
/** A large part as it was built: no edit on it. */
export const noEdits = <R extends Named, F extends string>(): Side<R, F> => ({ goneSlots: [], isGone: () => false, delta: [] });

/** From `a` to `b`, two versions on the same large part (its entries `base`). */
export function editsBetween<R extends Named, F extends string>(base: readonly Entry<R, F>[], a: Side<R, F>, b: Side<R, F>): Edits<R, F> {
  // Large-part slots gone in one version and live in the other.
  const removed = b.goneSlots.filter((i) => !a.isGone(i)).map((i) => base[i]!);
  const added = a.goneSlots.filter((i) => !b.isGone(i)).map((i) => base[i]!);
  const inA = new Set(a.delta);
  const inB = new Set(b.delta);
  removed.push(...a.delta.filter((e) => !inB.has(e)));
  added.push(...b.delta.filter((e) => !inA.has(e)));
  return { removed, added };
}

/**
 * Steps of edits as one: an entry that went and came back (the same object: put back by a later
 * edit, or gone from the large part and added again) is in neither list.
 */
export function netOf<R extends Named, F extends string>(...steps: Edits<R, F>[]): Edits<R, F> {
  const count = new Map<Entry<R, F>, number>();
  for (const { removed, added } of steps) {
    for (const e of removed) count.set(e, (count.get(e) ?? 0) - 1);
    for (const e of added) count.set(e, (count.get(e) ?? 0) + 1);
  }
  const net: Edits<R, F> = { removed: [], added: [] };
  for (const [e, n] of count)
    if (n < 0) net.removed.push(e);
    else if (n > 0) net.added.push(e);
  return net;
}

/**
 * Per large part made by a full rebuild: the large part it was rebuilt over (by id: an id keeps
 * no part alive) and the edits on it that the rebuild folded in.
 */
interface Origin<R extends Named, F extends string> {
  baseId: number;
  side: Side<R, F>;
}
const origins = new WeakMap<object, Origin<Named, string>>();

/** Notes that `part` was rebuilt over the large part `base` with the edits `side` folded in. */
export function rememberOrigin<R extends Named, F extends string>(part: object, base: object, side: Side<R, F>): void {
  // Cast kept: stored for any record type, read back as the part's own (originOf).
  origins.set(part, { baseId: partIdOf(base), side: side as unknown as Side<Named, string> });
}

// Cast kept: a part's origin holds entries of the part's own record and filter types.
export const originOf = <R extends Named, F extends string>(part: object) => origins.get(part) as Origin<R, F> | undefined;
const partIds = new WeakMap<object, number>();
let lastPartId = 0;
export const partIdOf = (part: object): number => {
  let id = partIds.get(part);
  if (id === undefined) partIds.set(part, (id = ++lastPartId));
  return id;
};
