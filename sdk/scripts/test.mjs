#!/usr/bin/env node
// The sdk test command: check what would ship (publint, then attw for the types under every
// module resolution, then the type tests against dist/*.d.ts under a partner's strictest
// settings), then run the unit tests.
// Its last line is always "N passed, N failed", which the root `npm test` adds up.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const run = (command, args) => spawnSync(command, args, { cwd: pkgDir, stdio: 'inherit' }).status ?? 1;

// publint reads dist/: build it on a fresh clone (turbo normally has built it already).
if (!existsSync(new URL('../dist/index.js', import.meta.url)) && run('npx', ['rollup', '-c']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const { messages, pkg } = await publint({ pkgDir, level: 'suggestion' });
for (const message of messages) console.log(`publint ${message.type}: ${formatMessage(message, pkg)}`);
const errors = messages.filter((m) => m.type === 'error').length;
if (errors > 0) {
  console.log(`publint: ${errors} error(s)`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log(`publint: no errors (${messages.length} warning(s)/suggestion(s))`);

if (run('npx', ['attw', '--pack', '.', '--format', 'table-flipped']) !== 0) {
  console.log('attw: the published types do not resolve everywhere');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (run('npx', ['tsc', '-p', 'test-types/tsconfig.json']) !== 0) {
  console.log('type tests: the published types reject code they should accept (or accept code they should reject)');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log('type tests: ok');

process.exit(run(process.execPath, ['../scripts/node-test.mjs', 'src', 'test']));
