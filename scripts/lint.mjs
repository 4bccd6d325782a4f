#!/usr/bin/env node
// npm test's lint suite: ESLint over the whole tree (eslint.config.mjs), then Prettier's check
// (.prettierrc.json, .prettierignore), ending with the "N passed, N failed" line the root test
// runner reads. Every finding is printed; `npm run format -- <files>` rewrites a file in the tree's style.
import { run } from './lib.mjs';

const checks = [
  ['eslint', ['npx', ['eslint', '--max-warnings', '0', '.']]],
  ['prettier', ['npx', ['prettier', '--check', '--log-level', 'warn', '.']]],
];
let failed = 0;
for (const [name, [command, args]] of checks) {
  const code = await run(command, args);
  if (code !== 0) {
    failed++;
    console.log(`${name}: findings above`);
  }
}
console.log(`${checks.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
