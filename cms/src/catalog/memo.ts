/**
 * What a module works out once per catalog entry and keeps while the entry lives (its HSDS ids and
 * bodies, its hours and places, its digest), each in a slot of the entry's own `memo` array — not
 * in a WeakMap keyed by the entry. V8 marks a WeakMap's values in a pass of its own inside a full
 * collection's pause: with four such maps of one key per record, that pass took up to 42 ms of a
 * 62 ms pause at 100,000 organizations (`--trace-gc-nvp`: mark.ephemeron.marking), one of the longest
 * waits a reader met. An entry replaced by an edit takes its slots with it, as a WeakMap key would.
 */

/** Slots an entry has room for: each MemoSlot takes one, at module load. */
export const MEMO_SLOTS = 4;

export interface Memoized {
  /** Made by the first slot set (most staff entries never need one), with room for every slot. */
  memo: unknown[] | undefined;
}

let taken = 0;

export class MemoSlot<T> {
  private readonly index = taken++;

  constructor() {
    if (this.index >= MEMO_SLOTS) throw new Error(`memo.ts: more than ${MEMO_SLOTS} slots; raise MEMO_SLOTS`);
  }

  get(holder: Memoized): T | undefined {
    // Cast kept: only this slot writes at its index, and it writes a T.
    return holder.memo?.[this.index] as T | undefined;
  }

  set(holder: Memoized, value: T): T {
    (holder.memo ??= new Array<unknown>(MEMO_SLOTS))[this.index] = value;
    return value;
  }
}
