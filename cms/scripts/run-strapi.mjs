#!/usr/bin/env node
// Runs a Strapi CLI command with telemetry off and a local .env in place.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDotEnv } from './lib/dotenv.mjs';

const cmsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv[2] !== 'build') ensureDotEnv(cmsDir);
const child = spawn('strapi', process.argv.slice(2), {
  cwd: cmsDir,
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
