#!/usr/bin/env node
// Runs a Strapi CLI command with telemetry off and a local .env in place.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { ensureDotEnv } from './lib/dotenv.mjs';

const cmsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv[2] !== 'build') ensureDotEnv(cmsDir);
const child = spawn('strapi', process.argv.slice(2), {
  cwd: cmsDir,
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', NODE_OPTIONS: nodeOptions() },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

/**
 * The server's Node flags (lib/node-flags.json, which the benchmarks' servers use too) after any
 * NODE_OPTIONS already set. A young generation of 64 MB instead of 16: each scavenge costs a few
 * milliseconds once the catalog of 100,000 organizations is in the heap, whatever is collected, and
 * a page of search results makes 100–400 KB of garbage; fewer scavenges keep them out of most
 * requests, and the boot's full load, whose objects mostly live, is faster. Not 128 MB: a scavenge's
 * pause under load doubles with it, for no faster a boot (docs/operations.md, Node flags).
 */
function nodeOptions() {
  const flags = JSON.parse(readFileSync(join(cmsDir, 'scripts', 'lib', 'node-flags.json'), 'utf8'));
  return [process.env.NODE_OPTIONS, ...flags].filter(Boolean).join(' ');
}
