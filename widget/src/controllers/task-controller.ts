/**
 * Data an element loads with an async function whenever the function's arguments change: the part
 * of `@lit/task` the widget uses, with its names and semantics (`status`, `value`, `error`, `run`,
 * `abort`, `render`, `initialState`, `onComplete`/`onError` called before the status changes), in
 * a third of its bytes (the widget's size budget, README "Size"). A run supersedes the one pending
 * (aborting its signal); only the latest run's outcome is kept.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const TaskStatus = { INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3 } as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** What a task function returns when there is nothing to load: the status goes back to INITIAL. */
export const initialState: unique symbol = Symbol();

export interface TaskConfig<A extends readonly unknown[], R> {
  task: (args: A, options: { signal: AbortSignal }) => Promise<R | typeof initialState>;
  /** The arguments (always as many); the task runs before an update in which one of them changed (`!==`). */
  args?: () => A;
  /** `false`: runs only when `run()` is called. */
  autoRun?: boolean;
  onComplete?: (value: R) => void;
  onError?: (error: unknown) => void;
}

export interface TaskRenderers<R, T> {
  initial?: () => T;
  pending?: () => T;
  complete?: (value: R) => T;
  error?: (error: unknown) => T;
}

export class Task<A extends readonly unknown[] = readonly unknown[], R = unknown> implements ReactiveController {
  status: TaskStatus = TaskStatus.INITIAL;
  /** The last value loaded (kept while the next run is pending; undefined after an error). */
  value: R | undefined;
  error: unknown;
  readonly #host: ReactiveControllerHost;
  readonly #config: TaskConfig<A, R>;
  #args: A | undefined;
  #call = 0;
  #abort: AbortController | undefined;
  /** The value of the run that completed, set with `status` (so `render` needs no cast). */
  #done: { value: R } | undefined;

  constructor(host: ReactiveControllerHost, config: TaskConfig<A, R>) {
    (this.#host = host).addController(this);
    this.#config = config;
  }

  hostUpdate(): void {
    const args = this.#config.args?.();
    const previous = this.#args;
    this.#args = args;
    if (this.#config.autoRun !== false && args && (!previous || args.some((a, i) => a !== previous[i]))) {
      void this.run(args);
    }
  }

  /** Runs the task now, with `args` or the current arguments. */
  async run(args?: A): Promise<void> {
    const a = args ?? this.#config.args?.();
    if (!a) return;
    this.#args = a;
    if (this.status === TaskStatus.PENDING) this.#abort?.abort();
    this.status = TaskStatus.PENDING;
    this.#host.requestUpdate();
    const call = ++this.#call;
    this.#abort = new AbortController();
    let outcome: { value: R | typeof initialState } | { error: unknown };
    try {
      outcome = { value: await this.#config.task(a, { signal: this.#abort.signal }) };
    } catch (error) {
      outcome = { error };
    }
    if (call !== this.#call) return;
    if ('error' in outcome) {
      this.#settle(TaskStatus.ERROR, undefined, outcome.error);
    } else if (outcome.value === initialState) {
      this.status = TaskStatus.INITIAL;
    } else {
      this.#settle(TaskStatus.COMPLETE, { value: outcome.value }, undefined);
    }
    this.#host.requestUpdate();
  }

  /** Aborts the pending run's signal (its outcome is still kept, as an error, if it rejects). */
  abort(reason?: unknown): void {
    if (this.status === TaskStatus.PENDING) this.#abort?.abort(reason);
  }

  render<T>(renderers: TaskRenderers<R, T>): T | undefined {
    switch (this.status) {
      case TaskStatus.INITIAL:
        return renderers.initial?.();
      case TaskStatus.PENDING:
        return renderers.pending?.();
      case TaskStatus.COMPLETE:
        return this.#done && renderers.complete?.(this.#done.value);
      default:
        return renderers.error?.(this.error);
    }
  }

  #settle(status: TaskStatus, done: { value: R } | undefined, error: unknown): void {
    if (done) this.#config.onComplete?.(done.value);
    else this.#config.onError?.(error);
    this.status = status;
    this.#done = done;
    this.value = done?.value;
    this.error = error;
  }
}
