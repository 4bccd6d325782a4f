/**
 * A SQLite file Strapi cannot create or write would otherwise hang the start or end in a stack
 * trace: say so in one line naming DATABASE_FILENAME, and stop.
 */
import fs from 'node:fs';
import path from 'node:path';

export function sqlitePathProblem(filename: string): string | null {
  const dir = path.dirname(filename);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(filename)) {
      if (!fs.statSync(filename).isFile()) return `DATABASE_FILENAME ${filename} is not a file`;
      fs.accessSync(filename, fs.constants.R_OK | fs.constants.W_OK);
    }
    return null;
  } catch (error: unknown) {
    const code = (error as { code?: string }).code ?? 'error';
    return `DATABASE_FILENAME ${filename} cannot be created or written (${code}): choose a writable folder`;
  }
}

/** Stops the start with the problem in one line, if there is one. */
export function stopIf(problem: string | null): void {
  if (!problem) return;
  process.stderr.write(`Cannot start: ${problem}.\n`);
  process.exit(1);
}

/**
 * SQLITE_SYNCHRONOUS: when a commit waits for the disk (https://sqlite.org/pragma.html#pragma_synchronous).
 * The database runs in WAL mode: with NORMAL a commit appends to the log without waiting, and the
 * log is synced at each checkpoint; a power cut (not a crash of the server) may undo the last
 * commits, never corrupt the file. FULL syncs the log on every commit. OFF is not offered.
 */
const SQLITE_SYNCHRONOUS: readonly string[] = ['NORMAL', 'FULL', 'EXTRA'];

export function sqliteSynchronousProblem(value: string): string | null {
  return SQLITE_SYNCHRONOUS.includes(value.toUpperCase())
    ? null
    : `SQLITE_SYNCHRONOUS=${value} is not one of ${SQLITE_SYNCHRONOUS.join(', ')}`;
}
