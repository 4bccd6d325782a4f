/**
 * Typed arrays reused from one query to the next. A search at 100,000 records needs a handful of
 * arrays of one value per record (scores, filter bits, masks): allocating them per query made
 * megabytes of garbage each time, and the garbage collections it set off over the catalog's large
 * heap were most of the slow queries. Queries run synchronously one at a time, so one set per
 * process suffices; a buffer is valid until the next request for the same one.
 */
type Typed = Float32Array | Uint8Array | Uint16Array | Uint32Array;

export class Scratch<T extends Typed> {
  private readonly buffers: T[] = [];

  constructor(
    private readonly make: (n: number) => T,
    private readonly view: (a: T, n: number) => T,
  ) {}

  /** Buffer `k`, `n` long, every value 0. */
  zeroed(k: number, n: number): T {
    const a = this.any(k, n);
    a.fill(0);
    return a;
  }

  /** Buffer `k`, `n` long, holding whatever it held. */
  any(k: number, n: number): T {
    let a = this.buffers[k];
    if (!a || a.length < n) {
      // Some room to grow, so a catalog that gains a few records does not allocate again.
      a = this.make(n + (n >> 4));
      this.buffers[k] = a;
    }
    return a.length === n ? a : this.view(a, n);
  }
}

export const floatScratch = (): Scratch<Float32Array<ArrayBuffer>> =>
  new Scratch(
    (n) => new Float32Array(n),
    (a, n) => a.subarray(0, n),
  );
export const byteScratch = (): Scratch<Uint8Array<ArrayBuffer>> =>
  new Scratch(
    (n) => new Uint8Array(n),
    (a, n) => a.subarray(0, n),
  );
export const shortScratch = (): Scratch<Uint16Array<ArrayBuffer>> =>
  new Scratch(
    (n) => new Uint16Array(n),
    (a, n) => a.subarray(0, n),
  );
export const intScratch = (): Scratch<Uint32Array<ArrayBuffer>> =>
  new Scratch(
    (n) => new Uint32Array(n),
    (a, n) => a.subarray(0, n),
  );
