/**
 * Calls back when Shift is pressed three times within a second, anywhere in the page (the
 * listener is on `window`, in the capture phase, so neither the host page nor the widget's own
 * fields can swallow it). Any other key in between starts the count again, so that typing
 * capital letters never triggers it.
 *
 * However many widgets a page holds, it has one listener and one count, and three presses call
 * back once: the first connected controller whose callback accepts (returns `true`), so that
 * two widgets never start two navigations.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const WINDOW_MS = 1000;

/** The connected controllers' callbacks, oldest first. */
const callbacks = new Set<() => boolean>();
let presses: number[] = [];

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Shift') {
    presses = [];
    return;
  }
  if (event.repeat) return;
  const now = event.timeStamp;
  presses = [...presses.filter((t) => now - t < WINDOW_MS), now];
  if (presses.length < 3) return;
  presses = [];
  for (const callback of callbacks) if (callback()) return;
}

export class TripleShiftController implements ReactiveController {
  readonly #callback: () => boolean;

  /** `callback` returns whether it acted on the shortcut (`false` lets the next widget's act). */
  constructor(host: ReactiveControllerHost, callback: () => boolean) {
    this.#callback = callback;
    host.addController(this);
  }

  hostConnected(): void {
    if (!callbacks.size) addEventListener('keydown', onKeyDown, true);
    callbacks.add(this.#callback);
  }

  hostDisconnected(): void {
    callbacks.delete(this.#callback);
    if (callbacks.size) return;
    removeEventListener('keydown', onKeyDown, true);
    presses = [];
  }
}
