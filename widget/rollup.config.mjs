// Builds the widget twice from one graph: an ES module for `<script type="module">` and a
// classic IIFE for a plain `<script src>`. Everything is bundled (lit, @lit/task, i18next, the
// SDK): a partner page loads one file and makes no other request. Types go to dist/types.
// It prints the gzip and brotli sizes of each file against the budget (1 KB = 1000 B) and fails
// when one is over: see README "Size" for where the bytes go and what keeps them under.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { minifyTemplates } from './scripts/minify-templates.mjs';

// All-in (Lit, i18next as published, the SDK, the widget), gzipped: what a partner page downloads.
const BUDGET_KB = 40;

/** Minifies the `html` and `css` templates of our own sources (scripts/minify-templates.mjs). */
function templates() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!id.includes('/widget/src/')) return null;
      const out = minifyTemplates(code, (c) => this.parse(c));
      return out === null ? null : { code: out, map: null };
    },
  };
}

/** Prints the gzip and brotli sizes of each file, and fails the build when one is over the budget. */
function sizeBudget() {
  return {
    name: 'size-budget',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const bytes = gzipSync(chunk.code, { level: 9 }).length;
        const gzip = bytes / 1000;
        const brotli = brotliCompressSync(chunk.code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length / 1000;
        // The bytes too: near the budget, a tenth of a KB hides what a change costs.
        console.log(
          `widget: ${chunk.fileName} ${gzip.toFixed(1)} KB gzip (${bytes} B), ${brotli.toFixed(1)} KB brotli (budget ${BUDGET_KB} KB gzip)`,
        );
        if (gzip > BUDGET_KB)
          this.error(
            `${chunk.fileName} is over the ${BUDGET_KB} KB gzip budget by ${(gzip - BUDGET_KB).toFixed(1)} KB (see README "Size")`,
          );
      }
    },
  };
}

// `pure_getters`: reading a property has no side effect (no getter of Lit, i18next, the SDK or
// ours is read for one), so unused reads go. `unsafe`, `unsafe_arrows`: no code here reads a
// function's `arguments` or `this` through an arrow, nor relies on a built-in being replaced.
// `keep_fargs: false`: no function's `length` is read (i18next reads those of backends and
// language detectors, which the widget does not use). `reduce_funcs: false`: inlining functions
// used once made the file larger once gzipped (measured: 81 B).
// Properties named `_x` are renamed: by convention they are ours and private (reactive state,
// handlers, shadow-root queries; Lit, i18next and the SDK have none such), never part of the API
// (attributes, properties, events and JSON never start with `_`).
const terserOptions = {
  ecma: 2022,
  module: true,
  compress: { passes: 3, pure_getters: true, unsafe: true, unsafe_arrows: true, keep_fargs: false, reduce_funcs: false },
  mangle: { properties: { regex: /^_[a-z]/ } },
  format: { comments: false },
};

export default {
  input: 'src/index.ts',
  plugins: [
    nodeResolve({ browser: true }),
    typescript({
      tsconfig: './tsconfig.json',
      filterRoot: '.',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts'],
      rootDir: 'src',
      declaration: true,
      outDir: 'dist',
      declarationDir: 'dist/types',
      sourceMap: false,
      types: [],
    }),
    templates(),
  ],
  output: [
    {
      file: 'dist/referral-directory.js',
      format: 'es',
      plugins: [terser(terserOptions), sizeBudget()],
    },
    {
      file: 'dist/referral-directory.classic.js',
      format: 'iife',
      name: 'ReferralDirectoryWidget',
      plugins: [terser({ ...terserOptions, module: false }), sizeBudget()],
    },
  ],
};
