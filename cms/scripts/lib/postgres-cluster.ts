/**
 * A throwaway PostgreSQL cluster that a test owns, so it can stop and start the database under a
 * running server. Uses the initdb/pg_ctl of the newest /usr/lib/postgresql/<n>/bin (or PATH);
 * as root it runs them as the `postgres` user, since initdb refuses root.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports';

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) if (fs.existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  try {
    return path.dirname(execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim()) || null;
  } catch {
    return null;
  }
}

export interface Cluster {
  /** The `postgres` database of the cluster, over TCP on loopback. */
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

export async function startCluster(bin: string): Promise<Cluster> {
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-pg-'));
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const run = (tool: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : path.join(bin, tool), asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args, {
      stdio: 'pipe',
      timeout: 60_000,
    });
  const port = await freePort();
  run('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres']);
  const ctl = (action: 'start' | 'stop') =>
    run(
      'pg_ctl',
      action === 'start'
        ? ['-D', dir, '-l', path.join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-w', 'start']
        : ['-D', dir, '-m', 'fast', '-w', 'stop'],
    );
  ctl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => ctl('stop'),
    start: () => ctl('start'),
    destroy: () => {
      try {
        ctl('stop');
      } catch {
        /* already stopped */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
