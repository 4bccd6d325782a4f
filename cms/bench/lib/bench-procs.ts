/**
 * Child processes of the benchmark (the Strapi server, the bare server): spawned with an IPC
 * channel and their output in a log file, always stopped at the end, on errors and on Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();

export interface Child {
  proc: ChildProcess;
  logFile: string;
  /** Resolves with the first IPC message of this type; rejects if the child exits or on timeout. */
  message<T extends { type: string }>(type: T['type'], timeoutMs: number): Promise<T>;
  stop(): Promise<void>;
  tail(lines?: number): string;
}

export function spawnChild(
  name: string,
  entry: string,
  opts: { cwd: string; env: NodeJS.ProcessEnv; logDir: string; nodeArgs?: string[] },
): Child {
  const logFile = path.join(opts.logDir, `${name}.log`);
  const fd = fs.openSync(logFile, 'a');
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', entry], {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', fd, fd, 'ipc'],
  });
  fs.closeSync(fd);
  running.add(proc);
  let exited = false;
  const exitPromise = new Promise<void>((resolve) =>
    proc.once('exit', () => {
      exited = true;
      running.delete(proc);
      resolve();
    }),
  );
  const messages: Array<{ type: string }> = [];
  proc.on('message', (m) => messages.push(m as { type: string }));

  const tail = (lines = 30) => tailOf(logFile, lines);
  const state = { name, logFile, proc, messages, exited: () => exited, tail };

  return {
    proc,
    logFile,
    tail,
    message: <T extends { type: string }>(type: T['type'], timeoutMs: number) => waitForMessage<T>(state, type, timeoutMs),
    async stop() {
      if (exited) return;
      proc.kill('SIGTERM');
      const killer = setTimeout(() => {
        if (!exited) proc.kill('SIGKILL');
      }, 8000);
      await exitPromise;
      clearTimeout(killer);
    },
  };
}

function tailOf(logFile: string, lines: number): string {
  try {
    return fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

interface ChildState {
  name: string;
  logFile: string;
  proc: ChildProcess;
  messages: ReadonlyArray<{ type: string }>;
  exited: () => boolean;
  tail: () => string;
}

/** The first IPC message of this type already received or still to come; rejects on an error message, exit or timeout. */
function waitForMessage<T extends { type: string }>(child: ChildState, type: T['type'], timeoutMs: number): Promise<T> {
  const { name, logFile, proc, messages, tail } = child;
  return new Promise<T>((resolve, reject) => {
    const seen = () => messages.find((m) => m.type === type || m.type === 'error');
    const settle = (m: { type: string }) => {
      cleanup();
      if (m.type === 'error') reject(new Error(`${name}: ${(m as { message?: string }).message ?? 'failed'}`));
      else resolve(m as T);
    };
    const onMessage = () => {
      const m = seen();
      if (m) settle(m);
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(new Error(`${name} exited (${signal ?? `code ${code}`}) before "${type}"; last lines of ${logFile}:\n${tail()}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${name}: no "${type}" within ${Math.round(timeoutMs / 1000)} s; last lines of ${logFile}:\n${tail()}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      proc.off('message', onMessage);
      proc.off('exit', onExit);
    };
    const early = seen();
    if (early) {
      clearTimeout(timer);
      settle(early);
      return;
    }
    if (child.exited()) {
      onExit(proc.exitCode, proc.signalCode);
      return;
    }
    proc.on('message', onMessage);
    proc.once('exit', onExit);
  });
}

/** A fresh folder under the system's temporary folder (logs, database copies), removed by cleanupNow(). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** Last resort (exit, signal, failure): SIGKILL whatever is still running, remove the temporary folders. Synchronous. */
export function cleanupNow(): void {
  for (const p of running) {
    try {
      p.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
  running.clear();
  for (const dir of tempDirs) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  }
  tempDirs.clear();
}

/** A child's state and the end of its log, for a failure report. */
export function describeChild(c: Child, lines = 20): string {
  const state = c.proc.exitCode !== null || c.proc.signalCode ? `exited ${c.proc.signalCode ?? c.proc.exitCode}` : 'running';
  const tail = c.tail(lines).trim();
  return `${path.basename(c.logFile)} (${state})${tail ? `, last lines:\n${tail}` : ': empty'}`;
}

export { freePort, waitForOk } from '../../scripts/lib/ports';

/** Linux's clock ticks per second, in which /proc gives a thread's CPU time (USER_HZ: 100 on every Linux ABI in use). */
const CLOCK_TICKS = 100;

/** The CPU time (ms) the thread that runs process `pid`'s event loop has used (Linux /proc); null elsewhere. */
function loopCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    // After the command's parenthesis: state, then … utime (11) and stime (12), in clock ticks.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/**
 * The CPU time each of the processes `pids` spent on its event loop over `run` (null where /proc
 * is not, or a process without a pid), and how long `run` took (ms).
 */
export async function loopCpuOver(pids: Array<number | undefined>, run: () => Promise<void>): Promise<CpuOver> {
  const cpu = () => pids.map((pid) => (pid === undefined ? null : loopCpuMs(pid)));
  const from = cpu();
  const started = performance.now();
  await run();
  const to = cpu();
  return { cpuMs: to.map((t, i) => (t === null || from[i] === null ? null : t - from[i]!)), ms: performance.now() - started };
}

export interface CpuOver {
  cpuMs: Array<number | null>;
  ms: number;
}

/** Per process: its CPU time over `busy` less what as long a time cost it in `idle`, over `runs` (the runs `busy` made). */
export const cpuPerRun = (idle: CpuOver, busy: CpuOver, runs: number): Array<number | null> =>
  busy.cpuMs.map((b, i) => {
    const rest = idle.cpuMs[i];
    return b === null || rest === null || rest === undefined ? null : (b - (rest / idle.ms) * busy.ms) / runs;
  });
