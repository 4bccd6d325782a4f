#!/usr/bin/env node
// npm test: install what is missing, build, run every suite (unit, integration against a real
// Strapi, browser tests in Chromium) one package at a time, and end with "N passed, N failed".
import { baseEnv, ensureChromium, ensureInstalled, run, spawnGroup, stopGroups } from './lib.mjs';

// Stopped by a signal: take every suite's process tree down with us (servers, browsers).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void stopGroups('SIGTERM', 10_000).then(() => process.exit(130));
  });
}

ensureInstalled();
const chrome = ensureChromium();
if (!chrome) process.exit(1);
const env = { ...baseEnv, CHROME_PATH: chrome };

if ((await run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], { env })) !== 0) {
  console.error('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const SUITES = ['lint', 'sdk', 'cms', 'widget', 'examples', 'scripts'];
/** A workspace's own `npm test`; the linter and the root scripts' tests (npm start, Chromium) run here. */
const command = (suite) =>
  suite === 'scripts'
    ? [process.execPath, ['scripts/node-test.mjs', 'scripts/test', '--pattern', '.test.mjs']]
    : suite === 'lint'
      ? [process.execPath, ['scripts/lint.mjs']]
      : ['npm', ['run', 'test', '--silent', '-w', suite]];
const SUMMARY = /(\d+) passed, (\d+) failed/;
let passed = 0;
let failed = 0;
const rows = [];
for (const suite of SUITES) {
  const started = Date.now();
  const { code, last } = await new Promise((resolve) => {
    let last = null;
    let buffer = '';
    const [cmd, args] = command(suite);
    const child = spawnGroup(cmd, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (SUMMARY.test(line)) last = line;
    });
    child.on('exit', (code) => {
      if (SUMMARY.test(buffer)) last = buffer;
      resolve({ code: code ?? 1, last });
    });
  });
  const m = last ? SUMMARY.exec(last) : null;
  const p = m ? Number(m[1]) : 0;
  let f = m ? Number(m[2]) : 1;
  if (code !== 0 && f === 0) f = 1;
  passed += p;
  failed += f;
  rows.push(
    `${suite.padEnd(9)} ${String(p).padStart(4)} passed, ${String(f).padStart(3)} failed  (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}
console.log('\nSuites:');
for (const r of rows) console.log(`  ${r}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
