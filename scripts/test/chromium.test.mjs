/**
 * `npm test` on a machine without Chromium: as root with apt-get it installs Debian's chromium
 * (as .ci/run does); otherwise it stops with the one-line instruction. apt-get here is a stand-in
 * on PATH that records what it was asked and "installs" a file where Chromium is looked for.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIB = fileURLToPath(new URL('../lib.mjs', import.meta.url));

/** Runs ensureChromium in a fresh node process with only `bin` on PATH; returns its output and result. */
function ensureChromiumIn(dir, { isRoot, withAptGet }) {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const chromium = join(dir, 'usr-bin-chromium');
  const calls = join(dir, 'apt-get.calls');
  if (withAptGet) {
    writeFileSync(
      join(bin, 'apt-get'),
      `#!/bin/sh\necho "$@" >> '${calls}'\nif [ "$1" = install ]; then printf '#!/bin/sh\\n' > '${chromium}'; fi\n`,
    );
    chmodSync(join(bin, 'apt-get'), 0o755);
  }
  const script = `
    const { ensureChromium } = await import(${JSON.stringify(LIB)});
    const found = ensureChromium({ candidates: [${JSON.stringify(chromium)}], isRoot: ${isRoot} });
    console.log('RESULT ' + JSON.stringify(found));
  `;
  const { CHROME_PATH: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...env, PATH: bin },
    timeout: 30_000,
  });
  assert.equal(r.status, 0, r.stderr);
  const found = JSON.parse(/RESULT (.*)/.exec(r.stdout)?.[1] ?? 'undefined');
  return {
    found,
    output: `${r.stdout}${r.stderr}`,
    calls: existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [],
    chromium,
  };
}

describe('Chromium for npm test', () => {
  const dirs = [];
  const fresh = () => {
    const d = mkdtempSync(join(tmpdir(), 'rd-chromium-'));
    dirs.push(d);
    return d;
  };
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  test('as root with apt-get, a missing Chromium is installed from Debian', () => {
    const r = ensureChromiumIn(fresh(), { isRoot: true, withAptGet: true });
    assert.deepEqual(r.calls, ['update -qq', 'install -y -qq chromium']);
    assert.equal(r.found, r.chromium);
    assert.match(r.output, /installing Debian's chromium/);
  });

  test('without root, nothing is installed and the one-line instruction is printed', () => {
    const r = ensureChromiumIn(fresh(), { isRoot: false, withAptGet: true });
    assert.deepEqual(r.calls, []);
    assert.equal(r.found, null);
    assert.match(r.output, /Chromium not found: install it \(apt-get install -y chromium\) or set CHROME_PATH\./);
  });

  test('without apt-get, the one-line instruction is printed', () => {
    const r = ensureChromiumIn(fresh(), { isRoot: true, withAptGet: false });
    assert.equal(r.found, null);
    assert.match(r.output, /Chromium not found: install it/);
  });

  test('a Chromium already there is used as it is', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'usr-bin-chromium'), '');
    const r = ensureChromiumIn(dir, { isRoot: true, withAptGet: true });
    assert.deepEqual(r.calls, []);
    assert.equal(r.found, r.chromium);
  });
});
