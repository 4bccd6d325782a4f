// Shared by `npm start` and `npm test`: install what is missing, run commands in process groups
// of their own (so that stopping takes their whole tree down), find or install Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const baseEnv = {
  ...process.env,
  STRAPI_TELEMETRY_DISABLED: 'true',
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  NEXT_TELEMETRY_DISABLED: '1',
};

/** Installs dependencies when node_modules is missing or older than package-lock.json. */
export function ensureInstalled() {
  const lock = join(ROOT, 'package-lock.json');
  const marker = join(ROOT, 'node_modules', '.rd-lock-hash');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) return;
  console.log('> installing dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit', env: baseEnv });
  if (r.status !== 0) {
    console.error('npm ci failed: see the messages above.');
    process.exit(r.status ?? 1);
  }
  writeFileSync(marker, hash);
}

/** Children started by `spawnGroup`, each the leader of its own process group. */
const groups = new Set();

/**
 * Spawns a command as the leader of a new process group. npm, sh and Strapi each start processes
 * of their own; signalling the group reaches all of them, where signalling the child would leave
 * its children running (holding their ports) once it exits.
 */
export function spawnGroup(cmd, args, options = {}) {
  const child = spawn(cmd, args, { cwd: ROOT, env: baseEnv, stdio: ['ignore', 'inherit', 'inherit'], ...options, detached: true });
  groups.add(child);
  child.on('exit', () => {
    if (!groupAlive(child.pid)) groups.delete(child);
  });
  return child;
}

/** Whether any process of the group `pgid` is still running. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Sends `signal` to every group started here, waits until no process of them is left, and after
 * `timeoutMs` kills what remains (SIGKILL). Resolves when they are all gone.
 */
export async function stopGroups(signal = 'SIGTERM', timeoutMs = 25_000) {
  const pgids = [...groups].map((c) => c.pid);
  for (const pgid of pgids) {
    try {
      process.kill(-pgid, signal);
    } catch {
      /* already gone */
    }
  }
  const deadline = Date.now() + timeoutMs;
  while (pgids.some(groupAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pgid of pgids.filter(groupAlive)) {
    console.error(`process group ${pgid} still running after ${timeoutMs / 1000} s: killing it`);
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone meanwhile */
    }
  }
  groups.clear();
}

/** Runs a command to completion in its own process group, streaming its output; resolves with the exit code. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawnGroup(cmd, args, options);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Debian's Chromium (or CHROME_PATH): browser tests never download a browser. */
export function chromiumPath(candidates = CHROMIUM_CANDIDATES) {
  for (const p of [process.env.CHROME_PATH, ...candidates]) {
    if (p && existsSync(p)) return p;
  }
  return null;
}

/**
 * The flags of every headless Chromium the tests and scripts start (the widget's browser tests, the
 * examples): it runs as root on these machines, and stays off the network (no updates, sync or QUIC).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** An executable named `name` on PATH, or null. */
export function onPath(name, path = process.env.PATH ?? '') {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      /* not here */
    }
  }
  return null;
}

export const CHROMIUM_MISSING = 'Chromium not found: install it (apt-get install -y chromium) or set CHROME_PATH.';

/**
 * Chromium for the browser tests: found, or, when running as root with apt-get (a fresh CI box, a
 * container), installed from Debian as .ci/run does. Returns its path, or null with the one-line
 * instruction printed.
 */
export function ensureChromium({ candidates = CHROMIUM_CANDIDATES, isRoot = process.getuid?.() === 0, env = process.env } = {}) {
  const found = chromiumPath(candidates);
  if (found) return found;
  const aptGet = onPath('apt-get', env.PATH);
  if (isRoot && aptGet) {
    console.log("> Chromium not found: installing Debian's chromium (apt-get install -y chromium)…");
    const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync(aptGet, ['update', '-qq'], { stdio: 'inherit', env: aptEnv });
    const install = update.status === 0 && spawnSync(aptGet, ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: aptEnv });
    const installed = install && install.status === 0 ? chromiumPath(candidates) : null;
    if (installed) return installed;
    console.error('apt-get could not install chromium: see the messages above.');
  }
  console.error(CHROMIUM_MISSING);
  return null;
}
