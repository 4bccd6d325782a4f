/**
 * What the load-test commands (`npm run bench`, `npm run soak`) share around their measurement:
 * reading the command line, and running `main` so that the servers they start are stopped on
 * every way out (an answer, an error, Ctrl-C).
 */
import path from 'node:path';
import { cleanupNow } from './bench-procs';

/** Relative paths are relative to where the user typed the command (npm runs scripts in cms/). */
export const fromUserDir = (p: string): string => path.resolve(process.env.INIT_CWD || process.cwd(), p);

/** `v` as a whole number ≥ `min`, or an error naming the option. */
export function wholeNumber(option: string, v: string, min = 1): number {
  if (!/^[0-9]+$/.test(v) || Number(v) < min) throw new Error(`${option} takes a whole number ≥ ${min}`);
  return Number(v);
}

/** The value after the option being read, as text or as a whole number. */
export interface OptionValue {
  text(): string;
  whole(min?: number): number;
}

/**
 * Reads `argv` option by option through `apply`, which answers false for an option it does not
 * know. Returns null when every option was read, else what to print: the usage (asked for) or
 * an error followed by the usage.
 */
export function readOptions(argv: string[], usage: string, apply: (option: string, value: OptionValue) => boolean): string | null {
  for (let i = 0; i < argv.length; i++) {
    const option = argv[i]!;
    if (option === '--help' || option === '-h') return usage;
    const value: OptionValue = {
      text: () => {
        const v = argv[++i];
        if (v === undefined) throw new Error(`${option} needs a value`);
        return v;
      },
      whole: (min = 1) => wholeNumber(option, value.text(), min),
    };
    try {
      if (!apply(option, value)) return `unknown option ${option}\n${usage}`;
    } catch (e) {
      return `${e instanceof Error ? e.message : String(e)}\n${usage}`;
    }
  }
  return null;
}

/** Prints what readOptions returned; the exit code: 0 for the usage asked for, 2 for a mistake. */
export function usageExit(message: string, usage: string): number {
  console.error(message);
  return message === usage ? 0 : 2;
}

export interface Command {
  /** The prefix of its messages: `bench`, `soak`. */
  name: string;
  main(): Promise<number>;
  /** Stops the servers it started (waited for at most 10 s after an error). */
  stop(): Promise<void>;
  /** What to print about those servers after an error (their state and the end of their logs). */
  describe(): string[];
}

/** Runs the command to its exit code; whatever happens, the servers are stopped and temporary files removed. */
export function runCommand(c: Command): void {
  process.on('SIGINT', () => {
    console.error(`\n${c.name}: interrupted; stopping the servers.`);
    cleanupNow();
    process.exit(130);
  });
  process.on('SIGTERM', () => {
    cleanupNow();
    process.exit(143);
  });
  process.on('exit', () => cleanupNow());
  c.main().then(
    async (code) => {
      await c.stop();
      cleanupNow();
      process.exit(code);
    },
    async (error: unknown) => {
      console.error(`\n${c.name}: ${error instanceof Error ? error.message : String(error)}`);
      for (const line of c.describe()) console.error(`${c.name}: ${line}`);
      await Promise.race([c.stop(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      cleanupNow();
      process.exit(1);
    },
  );
}

/** Whole numbers with thousands separators, as every figure table prints them. */
export const int = (v: number): string => Math.round(v).toLocaleString('en-US');

/** Milliseconds, two decimals under 10; '—' when not measured. */
export const msText = (v: number): string => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '—');

/** A plain-text table with a rule under the headers; right-aligned columns where asked. */
export function table(headers: string[], rows: string[][], rightAlign: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (rightAlign[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
