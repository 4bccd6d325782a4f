// Builds the widget twice from one graph: an ES module for `<script type="module">` and a
// classic IIFE for a plain `<script src>`. Everything is bundled (lit, @lit/task, i18next, the
// SDK): a partner page loads one file and makes no other request. Types go to dist/types.
// It prints the min+gzip size of the ES module against the budget (1 KB = 1000 B) and fails
// when it is over: see README "Size" for where the bytes go and what keeps them under.
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import { isI18next, slimI18next } from './scripts/i18next-slim.mjs';
import { minifyTemplates } from './scripts/minify-templates.mjs';

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

/** Leaves out what the widget cannot reach of i18next (scripts/i18next-slim.mjs). */
function i18nextSlim() {
  return {
    name: 'i18next-slim',
    transform(code, id) {
      if (!isI18next(id)) return null;
      try {
        return { code: slimI18next(code, (c) => this.parse(c)), map: null };
      } catch (error) {
        this.error(error);
      }
    },
  };
}

/** Prints the min+gz size of the ES module, and fails the build when it is over the budget. */
function sizeBudget() {
  return {
    name: 'size-budget',
    generateBundle(options, bundle) {
      if (options.format !== 'es') return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const kb = gzipSync(chunk.code, { level: 9 }).length / 1000;
        const line = `widget: ${kb.toFixed(1)} KB min+gz (budget ${BUDGET_KB} KB)`;
        console.log(line);
        if (kb > BUDGET_KB) this.error(`${chunk.fileName} is over the ${BUDGET_KB} KB budget by ${(kb - BUDGET_KB).toFixed(1)} KB (see README "Size")`);
      }
    },
  };
}

// `pure_getters`: reading a property has no side effect (no getter of Lit, i18next, the SDK or
// ours is read for one), so unused reads go, e.g. i18next's unused named exports.
const terserOptions = {
  ecma: 2022,
  module: true,
  compress: { passes: 3, pure_getters: true },
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
    i18nextSlim(),
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
      plugins: [terser({ ...terserOptions, module: false })],
    },
  ],
};
