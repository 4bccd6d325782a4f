#!/usr/bin/env node
// cms tests: unit tests beside the source, then integration tests that boot the real, compiled
// Strapi on a throwaway database (SQLite, or PostgreSQL when DATABASE_URL is set).
import { spawnSync } from 'node:child_process';

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
