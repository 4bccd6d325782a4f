#!/usr/bin/env node
// cms tests: unit tests beside the source, then integration tests that boot the real, compiled
// Strapi on a throwaway database (SQLite, or PostgreSQL when DATABASE_URL is set).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

// tsc never deletes what it compiled from a file since removed: a stale route file left in dist
// would be loaded by Strapi. Drop every compiled file of dist/src and dist/config whose source is gone.
function pruneStale(dir, sourceDir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const source = join(sourceDir, name);
    if (statSync(path).isDirectory()) pruneStale(path, source);
    else if (name.endsWith('.js') && !['.ts', '.tsx', '.js', '.json'].some((ext) => existsSync(source.replace(/\.js$/, ext)))) rmSync(path);
  }
}
for (const part of ['src', 'config']) pruneStale(join('dist', part), part);

// Compile the app (the integration tests boot cms/dist), then type-check everything tsx runs
// unchecked: the scripts and the tests.
for (const project of ['tsconfig.json', 'tsconfig.check.json']) {
  const tsc = spawnSync('npx', ['tsc', '-p', project], { stdio: 'inherit' });
  if (tsc.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}
const r = spawnSync(process.execPath, ['../scripts/node-test.mjs', 'src', 'test'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
