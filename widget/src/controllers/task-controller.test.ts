import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from './task-controller.js';

/** A host that counts update requests and lets the test play Lit's update cycle. */
class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
  update() {
    for (const c of this.controllers) c.hostUpdate?.();
  }
}

const settle = () => new Promise((r) => setTimeout(r));

describe('Task', () => {
  it('runs when an argument changes, not otherwise, and keeps the value', async () => {
    const host = new Host();
    let arg = 1;
    const seen: number[] = [];
    const task = new Task(host, { task: async ([n]: readonly [number]) => (seen.push(n), n * 10), args: () => [arg] as const });
    expect(task.status).to.equal(TaskStatus.INITIAL);
    host.update();
    expect(task.status).to.equal(TaskStatus.PENDING);
    await settle();
    expect([task.status, task.value]).to.deep.equal([TaskStatus.COMPLETE, 10]);
    host.update();
    arg = 2;
    host.update();
    await settle();
    expect(seen).to.deep.equal([1, 2]);
    expect(task.render({ complete: (v) => `got ${v}` })).to.equal('got 20');
  });

  it('aborts the run it supersedes and keeps only the latest outcome', async () => {
    const host = new Host();
    const signals: AbortSignal[] = [];
    let release: () => void = () => {};
    const task = new Task(host, {
      autoRun: false,
      task: ([n]: readonly [number], { signal }) => {
        signals.push(signal);
        return n === 1 ? new Promise<number>((r) => (release = () => r(1))) : Promise.resolve(n);
      },
    });
    const first = task.run([1]);
    await task.run([2]);
    expect(signals[0]!.aborted).to.equal(true);
    release();
    await first;
    expect(task.value).to.equal(2);
  });

  it('says an error, then goes back to initial on initialState', async () => {
    const host = new Host();
    let fail = true;
    const errors: unknown[] = [];
    const task = new Task(host, {
      autoRun: false,
      task: async () => {
        if (fail) throw new Error('down');
        return initialState;
      },
      onError: (e) => errors.push(e),
    });
    await task.run([]);
    expect(task.status).to.equal(TaskStatus.ERROR);
    expect(task.render({ error: (e) => (e instanceof Error ? e.message : '') })).to.equal('down');
    expect(errors.length).to.equal(1);
    fail = false;
    await task.run([]);
    expect(task.status).to.equal(TaskStatus.INITIAL);
  });
});
