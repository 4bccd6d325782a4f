#!/usr/bin/env node
// Runs the browser tests (web-test-runner, config beside this folder) and ends with the one line
// the root `npm test` sums: "N passed, N failed". The counts come from a small reporter that
// sees every test result; a run that fails before any test (e.g. the browser does not start)
// counts as one failure.
import { startTestRunner, summaryReporter, defaultReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

let passed = 0;
let failed = 0;

function count(suite) {
  for (const test of suite.tests) {
    if (test.skipped) continue;
    if (test.passed) passed++;
    else failed++;
  }
  for (const child of suite.suites) count(child);
}

/** Counts the tests of the finished run; a test file's own errors (failed import, hook) count as failures. */
const countingReporter = {
  onTestRunFinished({ sessions }) {
    passed = 0;
    failed = 0;
    for (const session of sessions) {
      if (session.testResults) count(session.testResults);
      failed += session.errors.length;
    }
  },
};

const runner = await startTestRunner({
  argv: process.argv.slice(2),
  config: {
    reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter],
  },
  readFileConfig: true,
  readCliArgs: true,
  autoExitProcess: false,
}).catch((error) => {
  console.error(error);
  return undefined;
});

if (!runner) {
  console.log(`0 passed, 1 failed`);
  process.exit(1);
}

runner.on('stopped', (ok) => {
  if (!ok && failed === 0) failed = 1;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
});
