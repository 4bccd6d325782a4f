/**
 * The SDK README's examples, as a partner's developer meets them: every ```js and ```ts block,
 * pasted alone into its own file, must type-check in strict TypeScript (with
 * exactOptionalPropertyTypes, against the built package) and run to completion against a real,
 * seeded CMS. The only change made to a block is the CMS origin (`npm start`'s
 * http://localhost:1337 becomes the test server's). ```js blocks run as they are, so they must
 * be plain JavaScript; ```ts blocks run as tsc compiles them. A block that uses `require` is
 * CommonJS; the others are ES modules.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../cms/test/harness.ts';
import { createApiToken, INTERNAL_ACTIONS } from '../../cms/test/tokens.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const README = join(ROOT, 'sdk', 'README.md');
const DEMO_ORIGIN = 'http://localhost:1337';
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const RUN_TIMEOUT_MS = 60_000;

/** The runnable code blocks of a Markdown text, with the line each starts on. */
export function codeBlocks(markdown) {
  const blocks = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (const m of markdown.matchAll(fence)) {
    const lang = m[1];
    if (lang !== 'js' && lang !== 'ts') continue;
    const line = markdown.slice(0, m.index).split('\n').length;
    const code = m[2];
    blocks.push({ lang, line, code, commonjs: /\brequire\(/.test(code) });
  }
  return blocks;
}

/** Runs `command` to its end; resolves with its exit code and output. */
function exec(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal, stdout, stderr });
    });
  });
}

describe('the SDK README examples, each pasted alone, against a real CMS with the demo data', () => {
  const blocks = codeBlocks(readFileSync(README, 'utf8'));
  let cms;
  let dir;
  let token;
  let typecheck;

  before(async () => {
    const started = Date.now();
    cms = await startServer();
    console.log(`cms started and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    token = await createApiToken(cms.strapi, 'readme-examples', 'custom', INTERNAL_ACTIONS);
    // Inside the repository, so that `@referral-directory/sdk` and `@types/node` resolve as in a project.
    dir = mkdtempSync(join(ROOT, 'examples', '.readme-blocks-'));
    const files = blocks.map((b, i) => {
      const name = `block-${i + 1}.${b.commonjs ? 'cts' : 'mts'}`;
      writeFileSync(join(dir, name), b.code.replaceAll(DEMO_ORIGIN, cms.url));
      return name;
    });
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          types: ['node'],
          outDir: 'out',
          skipLibCheck: true,
        },
        files,
      }),
    );
    const compiling = Date.now();
    typecheck = await exec(process.execPath, [TSC, '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: dir });
    console.log(`tsc over ${files.length} blocks in ${((Date.now() - compiling) / 1000).toFixed(1)} s`);
  });

  after(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await cms?.stop();
  });

  test('the README has runnable examples of both module systems and of TypeScript', () => {
    assert.ok(blocks.length >= 6, `only ${blocks.length} blocks`);
    assert.ok(
      blocks.some((b) => b.commonjs),
      'a CommonJS example',
    );
    assert.ok(
      blocks.some((b) => b.lang === 'ts'),
      'a TypeScript example',
    );
    assert.ok(
      blocks.some((b) => b.code.includes('createInternalClient')),
      'an internal-client example',
    );
  });

  test('every block type-checks alone in strict TypeScript', () => {
    assert.equal(typecheck.code, 0, `tsc:\n${typecheck.stdout}${typecheck.stderr}`);
  });

  blocks.forEach((block, i) => {
    test(`the ${block.lang}${block.commonjs ? ' (CommonJS)' : ''} block at README.md:${block.line} runs to completion`, async (t) => {
      const n = i + 1;
      // ```js runs as written (no TypeScript syntax allowed); ```ts as tsc compiled it.
      let file;
      if (block.lang === 'js') {
        file = join(dir, `block-${n}.${block.commonjs ? 'cjs' : 'mjs'}`);
        writeFileSync(file, block.code.replaceAll(DEMO_ORIGIN, cms.url));
      } else {
        assert.equal(typecheck.code, 0, 'compiled by tsc first');
        file = join(dir, 'out', `block-${n}.${block.commonjs ? 'cjs' : 'mjs'}`);
      }
      const { code, stdout, stderr } = await exec(process.execPath, [file], {
        cwd: dir,
        env: { ...process.env, DIRECTORY_API_TOKEN: token },
      });
      t.diagnostic(stdout.trim().split('\n').slice(0, 8).join(' | '));
      assert.equal(code, 0, `exit ${code}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
      assert.notEqual(stdout.trim(), '', 'it printed what it fetched');
      assert.doesNotMatch(stdout + stderr, /out of date|cannot be reached/, `a fallback path ran:\n${stdout}${stderr}`);
    });
  });
});
