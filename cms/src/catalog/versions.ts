/**
 * How the projection makes its next catalog version: the current one with edits (at once, or in
 * slices when they are by the thousand), or a full rebuild swapped in with the edits made meanwhile.
 */
import { type Catalog, type Named, compactAfter } from './catalog';
import type { Entry } from './entry';

/**
 * The `current()` version with these edits (none: that version itself). More than a rebuild waits
 * for (in a directory of `size`): built in slices (updateSliced), then, should a rebuild have
 * swapped another version in meanwhile, made again on that one (in slices too).
 */
export async function withEdits<R extends Named, F extends string>(
  current: () => Catalog<R, F>,
  removed: readonly Entry<R, F>[],
  added: readonly Entry<R, F>[],
  version: string,
  size: number,
): Promise<Catalog<R, F>> {
  const from = current();
  if (removed.length === 0 && added.length === 0) return from;
  if (removed.length + added.length <= compactAfter(size)) return from.update(removed, added, version);
  const next = await from.updateSliced(removed, added, version);
  return current() === from ? next : withEdits(current, removed, added, version, size);
}

/**
 * Swaps `rebuilt` (a full rebuild of the earlier version `from`) in for the `current()` version,
 * with the edits made since `from` carried over (rebasedOn). Edits by the thousand (the records
 * that name a relabelled term, re-read while the rebuild ran) are carried over in slices, then
 * those made meanwhile, until none is left to carry in slices; `swap` gets the result while it is
 * current. Nothing is swapped when the current version does not descend from `from` (a full load
 * replaced it: it is newer).
 */
export async function rebaseOnto<R extends Named, F extends string>(
  current: () => Catalog<R, F> | null,
  rebuilt: Catalog<R, F>,
  from: Catalog<R, F>,
  size: number,
  swap: (next: Catalog<R, F>) => void,
): Promise<void> {
  let onto = rebuilt;
  let since = from;
  for (;;) {
    const now = current();
    const edits = now?.editsSince(since);
    if (!now || !edits) return;
    if (edits.removed.length + edits.added.length <= compactAfter(size)) {
      const next = now.rebasedOn(onto, since);
      if (next) swap(next);
      return;
    }
    onto = await onto.updateSliced(edits.removed, edits.added, now.version);
    since = now;
  }
}
