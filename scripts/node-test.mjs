#!/usr/bin/env node
// Runs node:test over the TypeScript test files of a package (through tsx), streams the spec
// report, and ends with the one line the root `npm test` sums: "N passed, N failed".
// Usage: node ../scripts/node-test.mjs <dir or file> […] [--pattern .test.ts] [--concurrency 1]
import { spawn } from 'node:child_process';
import { readdirSync, statSync, mkdtempSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';

const args = process.argv.slice(2);
let pattern = '.test.ts';
let concurrency = '1';
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--pattern') pattern = args[++i];
  else if (args[i] === '--concurrency') concurrency = args[++i];
  else dirs.push(args[i]);
}

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else if (name.endsWith(pattern)) out.push(path);
  }
  return out;
}

// A file named on the command line runs as given; a folder runs every test file under it.
const files = dirs.flatMap((d) => (statSync(d).isDirectory() ? walk(d) : [d])).sort();
if (files.length === 0) {
  console.error(`no test files matching *${pattern} under ${dirs.join(', ')}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const tap = join(mkdtempSync(join(tmpdir(), 'rd-test-')), 'report.tap');
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files.map((f) => relative(process.cwd(), f)),
  ],
  { stdio: 'inherit', env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' } },
);
child.on('exit', (code) => {
  let passed = 0;
  let failed = 0;
  try {
    const report = readFileSync(tap, 'utf8');
    passed = Number(/^# pass (\d+)/m.exec(report)?.[1] ?? 0);
    failed = Number(/^# fail (\d+)/m.exec(report)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(report)?.[1] ?? 0);
  } catch {
    failed = 1;
  }
  if (code !== 0 && failed === 0) failed = 1;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code ?? 1);
});
