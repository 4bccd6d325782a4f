/**
 * One clear line for the errors a newcomer meets at start-up (bad database path or URL,
 * unreachable database), instead of a stack trace.
 */
export function describeStartupError(error: unknown): string {
  const e = error as { code?: string; message?: string; address?: string; port?: number } | null;
  const message = e?.message ?? String(error);
  switch (e?.code) {
    case 'SQLITE_CANTOPEN':
      return `cannot open the SQLite database (check DATABASE_FILENAME: its folder must exist and be writable): ${message}`;
    case 'SQLITE_READONLY':
      return 'the SQLite database is read-only (check DATABASE_FILENAME permissions)';
    case 'ECONNREFUSED':
      return `the database refused the connection (check DATABASE_URL; is PostgreSQL running?)${e.port ? ` on port ${e.port}` : ''}`;
    case 'ENOTFOUND':
      return 'the database host in DATABASE_URL was not found';
    case '28P01':
    case '28000':
      return 'PostgreSQL rejected the user or password in DATABASE_URL';
    case '3D000':
      return 'the database named in DATABASE_URL does not exist';
    case 'ERR_INVALID_URL':
      return 'DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)';
    default:
      if (/Invalid URL|Invalid connection string/i.test(message))
        return 'DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)';
      if (/directory does not exist|unable to open database/i.test(message))
        return `cannot open the SQLite database (check DATABASE_FILENAME): ${message}`;
      return message.split('\n')[0] ?? 'unknown error';
  }
}

/**
 * A command's arguments, with Strapi's telemetry off for whatever it boots; null when `--help`
 * or `-h` asked for the usage, which is then printed.
 */
export function commandArgs(usage: string): string[] | null {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const args = process.argv.slice(2);
  if (!args.includes('--help') && !args.includes('-h')) return args;
  console.log(usage);
  return null;
}

/**
 * Runs a script's `main` and exits with its code; a failure is one line on stderr, prefixed by
 * the script's name, and exit code 1. Never a stack trace.
 */
export function runScript(name: string, main: () => Promise<number>, describe: (error: unknown) => string = describeStartupError): void {
  main().then(
    (code) => exitAfterOutput(code),
    (error: unknown) => {
      console.error(`${name}: ${describe(error)}`);
      exitAfterOutput(1);
    },
  );
}

/** Exits once what was printed has reached a pipe (process.exit drops a pipe's pending output: a long import report was cut). */
function exitAfterOutput(code: number): void {
  const pending = [process.stdout, process.stderr].filter((s) => s.writableLength > 0);
  if (pending.length === 0) process.exit(code);
  let left = pending.length;
  for (const s of pending)
    s.once('drain', () => {
      if (--left === 0) process.exit(code);
    });
}
