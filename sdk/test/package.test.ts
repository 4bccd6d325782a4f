// What a partner installs: the files in the tarball, the package fields registries and tools
// read, and source maps that work without the (unpublished) sources.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const dir = new URL('..', import.meta.url);
const pkg: unknown = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'));
const field = (name: string): unknown => (typeof pkg === 'object' && pkg !== null ? Reflect.get(pkg, name) : undefined);

test('the tarball holds the builds, their maps and types, README, LICENSE and CHANGELOG, and no sources', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' });
  const packed: unknown = JSON.parse(out);
  assert.ok(Array.isArray(packed));
  const first: unknown = packed[0];
  const files: unknown = typeof first === 'object' && first !== null ? Reflect.get(first, 'files') : undefined;
  assert.ok(Array.isArray(files));
  const paths = files.map((f: unknown) => String(typeof f === 'object' && f !== null ? Reflect.get(f, 'path') : f)).sort();
  for (const expected of [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist/index.cjs',
    'dist/index.cjs.map',
    'dist/index.d.cts',
    'dist/index.d.ts',
    'dist/index.js',
    'dist/index.js.map',
    'package.json',
  ])
    assert.ok(paths.includes(expected), `${expected} in ${paths.join(', ')}`);
  assert.ok(!paths.some((p) => p.startsWith('src/') || p.endsWith('.test.ts')), 'no sources or tests');
});

test('every source map carries the content of each of its sources', () => {
  for (const map of ['dist/index.js.map', 'dist/index.cjs.map']) {
    const { sources, sourcesContent }: { sources: string[]; sourcesContent?: (string | null)[] } = JSON.parse(
      readFileSync(new URL(map, dir), 'utf8'),
    );
    assert.ok(sources.length > 5, map);
    assert.equal(sourcesContent?.length, sources.length, `${map}: sourcesContent`);
    sources.forEach((source, i) => assert.ok(sourcesContent?.[i], `${map}: no content for ${source}`));
  }
});

test('package.json names the licence, the repository, the home page and where to report bugs', () => {
  assert.equal(field('license'), 'MIT');
  assert.match(JSON.stringify(field('repository')), /"directory":"sdk"/);
  assert.match(String(field('homepage')), /^https:\/\//);
  assert.match(JSON.stringify(field('bugs')), /https:\/\//);
  assert.ok(readFileSync(new URL('LICENSE', dir), 'utf8').includes('MIT License'));
  assert.match(readFileSync(new URL('CHANGELOG.md', dir), 'utf8'), new RegExp(`## ${String(field('version')).replaceAll('.', '\\.')}`));
});

test('the API reference in docs/api is generated from the current doc comments (npm run docs)', () => {
  const out = mkdtempSync(join(tmpdir(), 'sdk-docs-'));
  try {
    execFileSync('npx', ['typedoc', '--out', out, '--logLevel', 'Error'], { cwd: dir, encoding: 'utf8' });
    const committed = new URL('docs/api/', dir);
    const files = (root: string) =>
      readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .sort();
    const fresh = files(out);
    assert.deepEqual(files(fileURLToPath(committed)), fresh, 'the same pages');
    for (const f of fresh) {
      assert.equal(
        readFileSync(new URL(f, committed), 'utf8'),
        readFileSync(join(out, f), 'utf8'),
        `docs/api/${f} is stale: npm run docs -w sdk`,
      );
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
