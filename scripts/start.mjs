#!/usr/bin/env node
// npm start: install what is missing, build, seed the bilingual demo data into the embedded
// SQLite database, start the CMS and the demo partner pages, print where to go.
// Ctrl-C, SIGINT or SIGTERM to this process alone (a supervisor, `kill`) stops everything: every
// child runs in a process group of its own, and stopping signals the groups and waits for them.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, baseEnv, ensureInstalled, run, spawnGroup, stopGroups } from './lib.mjs';
import { ensureDotEnv } from '../cms/scripts/lib/dotenv.mjs';

let stopping = false;
/** Stops the CMS, the demo pages (and a build or seed under way), waits for them, then exits. */
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the CMS and the demo pages…');
  await stopGroups('SIGTERM', 25_000);
  console.log('Stopped.');
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGHUP', () => void stop(0));

/** Exits on a failed step, unless a signal is already stopping everything (which exits itself). */
async function failed(message) {
  if (stopping) await new Promise(() => {});
  console.error(message);
  process.exit(1);
}

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
ensureInstalled();

if ((await run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'])) !== 0) await failed('build failed: see the messages above.');

const cmsDir = join(ROOT, 'cms');
ensureDotEnv(cmsDir);
const dotenv = Object.fromEntries(
  readFileSync(join(cmsDir, '.env'), 'utf8')
    .split('\n')
    .filter((l) => /^[A-Z_]+=/.test(l))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
);
const port = process.env.PORT ?? dotenv.PORT ?? '1337';
const examplesPort = process.env.EXAMPLES_PORT ?? '8080';
const email = process.env.DEMO_ADMIN_EMAIL || dotenv.DEMO_ADMIN_EMAIL || 'admin@example.org';
const givenPassword = process.env.DEMO_ADMIN_PASSWORD || dotenv.DEMO_ADMIN_PASSWORD || '';
const password = givenPassword || `Demo-${randomBytes(9).toString('base64url')}1`;

console.log('> seeding the bilingual demo data…');
let adminCreated = false;
const seedCode = await new Promise((resolve) => {
  const child = spawnGroup('npm', ['run', 'seed', '--silent', '-w', 'cms', '--', '--admin'], {
    env: { ...baseEnv, DEMO_ADMIN_EMAIL: email, DEMO_ADMIN_PASSWORD: password, STRAPI_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.on('data', (d) => {
    const text = d.toString();
    if (text.includes('demo admin') && text.includes('created')) adminCreated = true;
    process.stdout.write(
      text
        .split('\n')
        .filter((l) => l.startsWith('seed:'))
        .map((l) => `${l}\n`)
        .join(''),
    );
  });
  child.on('exit', (code) => resolve(code ?? 1));
});
if (seedCode !== 0) await failed('seeding failed: see the messages above.');

const start = (args, env = {}) => {
  const child = spawnGroup('npm', args, { env: { ...baseEnv, ...env } });
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${args.join(' ')} exited (${code}); stopping.`);
      void stop(1);
    }
  });
  return child;
};

start(['run', 'start', '--silent', '-w', 'cms'], { STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'warn' });
start(['run', 'serve', '--silent', '-w', 'examples'], { EXAMPLES_PORT: examplesPort, DIRECTORY_API_URL: `http://localhost:${port}` });

for (let i = 0; i < 120; i++) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/directory/settings`);
    if (res.ok) break;
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 500));
}

const adminLine =
  adminCreated && !givenPassword
    ? `${email} / ${password}   (generated now and shown once; set DEMO_ADMIN_PASSWORD in cms/.env to choose it)`
    : adminCreated
      ? `${email} / (the DEMO_ADMIN_PASSWORD you set)`
      : `${email} (created on an earlier start; reset with: npx -w cms strapi admin:reset-user-password --email ${email})`;
console.log(`
Referral Directory is running (ready in ${seconds()}).

  Admin (editors):      http://localhost:${port}/admin
    account:            ${adminLine}
  Public API:           http://localhost:${port}/api/directory/organizations?locale=fr&q=montreal
  OpenAPI:              http://localhost:${port}/api/directory/openapi.json
  Widget (to embed):    http://localhost:${port}/widget/referral-directory.js
  Partner demo pages:   http://localhost:${examplesPort}/

Press Ctrl-C to stop.
`);
