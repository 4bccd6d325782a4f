#!/usr/bin/env node
// npm test's lint suite: ESLint over the whole tree (eslint.config.mjs), ending with the
// "N passed, N failed" line the root test runner reads. Every finding is printed.
import { run } from './lib.mjs';

const code = await run('npx', ['eslint', '--max-warnings', '0', '.']);
console.log(code === 0 ? '1 passed, 0 failed' : '0 passed, 1 failed');
process.exit(code === 0 ? 0 : 1);
