/**
 * A full garbage collection on demand, for long bulk writes in scripts. V8 lets the garbage of a
 * bulk import (statement text, bindings, row objects that live across the awaits of one group
 * and so reach the old generation) pile up to several hundred MB before its first full
 * collection; collecting every ~1,000 records keeps a 10,000-row import under 400 MB for a few
 * seconds of CPU. The collector is exposed the way Jest exposes it for --logHeapUsage
 * (`--expose-gc` set at run time, the function read from a fresh context), once per process.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let collector: (() => void) | null = null;

export function collectGarbage(): void {
  if (!collector) {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    collector =
      typeof gc === 'function'
        ? () => {
            gc();
          }
        : () => undefined;
  }
  collector();
}
