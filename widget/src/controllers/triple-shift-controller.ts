/**
 * Calls back when Shift is pressed three times within a second, anywhere in the page (the
 * listener is on `window`, in the capture phase, so neither the host page nor the widget's own
 * fields can swallow it). Any other key in between starts the count again, so that typing
 * capital letters never triggers it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class TripleShiftController implements ReactiveController {
  readonly #callback: () => void;
  readonly #windowMs: number;
  #presses: number[] = [];

  constructor(host: ReactiveControllerHost, callback: () => void, windowMs = 1000) {
    this.#callback = callback;
    this.#windowMs = windowMs;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('keydown', this.#onKeyDown, true);
  }

  hostDisconnected(): void {
    removeEventListener('keydown', this.#onKeyDown, true);
    this.#presses = [];
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Shift') {
      this.#presses = [];
      return;
    }
    if (event.repeat) return;
    const now = event.timeStamp;
    this.#presses = [...this.#presses.filter((t) => now - t < this.#windowMs), now];
    if (this.#presses.length >= 3) {
      this.#presses = [];
      this.#callback();
    }
  };
}
