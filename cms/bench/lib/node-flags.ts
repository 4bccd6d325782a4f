/**
 * The in-process benchmarks run the catalog in their own process: with the server's Node flags
 * (scripts/lib/node-flags.json, which `npm start` and the benchmarks' servers use), or their
 * figures would not be the server's. A run started without them starts itself again with them.
 */
import { spawnSync } from 'node:child_process';
import nodeFlags from '../../scripts/lib/node-flags.json';

export function runWithServerFlags(): void {
  const missing = nodeFlags.filter((f) => !process.execArgv.includes(f));
  if (missing.length === 0) return;
  const r = spawnSync(process.execPath, [...process.execArgv, ...missing, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
