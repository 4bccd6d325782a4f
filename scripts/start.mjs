#!/usr/bin/env node
// npm start: install what is missing, build, seed the bilingual demo data into the embedded
// SQLite database, start the CMS and the demo partner pages, print where to go. Ctrl-C stops all.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, baseEnv, ensureInstalled, run } from './lib.mjs';
import { ensureDotEnv } from '../cms/scripts/lib/dotenv.mjs';

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
ensureInstalled();

if ((await run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'])) !== 0) {
  console.error('build failed: see the messages above.');
  process.exit(1);
}

const cmsDir = join(ROOT, 'cms');
ensureDotEnv(cmsDir);
const dotenv = Object.fromEntries(
  readFileSync(join(cmsDir, '.env'), 'utf8').split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
);
const port = process.env.PORT ?? dotenv.PORT ?? '1337';
const examplesPort = process.env.EXAMPLES_PORT ?? '8080';
const email = process.env.DEMO_ADMIN_EMAIL || dotenv.DEMO_ADMIN_EMAIL || 'admin@example.org';
const givenPassword = process.env.DEMO_ADMIN_PASSWORD || dotenv.DEMO_ADMIN_PASSWORD || '';
const password = givenPassword || `Demo-${randomBytes(9).toString('base64url')}1`;

console.log('> seeding the bilingual demo data…');
let adminCreated = false;
const seedCode = await new Promise((resolve) => {
  const child = spawn('npm', ['run', 'seed', '--silent', '-w', 'cms', '--', '--admin'], {
    cwd: ROOT, env: { ...baseEnv, DEMO_ADMIN_EMAIL: email, DEMO_ADMIN_PASSWORD: password, STRAPI_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.on('data', (d) => {
    const text = d.toString();
    if (text.includes('demo admin') && text.includes('created')) adminCreated = true;
    process.stdout.write(text.split('\n').filter((l) => l.startsWith('seed:')).map((l) => `${l}\n`).join(''));
  });
  child.on('exit', (code) => resolve(code ?? 1));
});
if (seedCode !== 0) {
  console.error('seeding failed: see the messages above.');
  process.exit(1);
}

const children = [];
const start = (args, env = {}) => {
  const child = spawn('npm', args, { cwd: ROOT, env: { ...baseEnv, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${args.join(' ')} exited (${code}); stopping.`);
      stop(1);
    }
  });
  return child;
};
let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the CMS and the demo pages…');
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.on('exit', r))))).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start(['run', 'start', '--silent', '-w', 'cms'], { STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'warn' });
start(['run', 'serve', '--silent', '-w', 'examples'], { EXAMPLES_PORT: examplesPort, DIRECTORY_API_URL: `http://localhost:${port}` });

for (let i = 0; i < 120; i++) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/directory/settings`);
    if (res.ok) break;
  } catch { /* not up yet */ }
  await new Promise((r) => setTimeout(r, 500));
}

const adminLine = adminCreated && !givenPassword
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
  Partner demo pages:   http://localhost:${examplesPort}/

Press Ctrl-C to stop.
`);
