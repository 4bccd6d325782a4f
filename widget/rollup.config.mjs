// Builds the widget twice from one graph: an ES module for `<script type="module">` and a
// classic IIFE for a plain `<script src>`. Everything is bundled (lit, @lit/task, i18next, the
// SDK): a partner page loads one file and makes no other request. Types go to dist/types.
// It prints the min+gzip size of the ES module against the budget (1 KB = 1000 B) and warns
// when it is over: see README "Size" for where the bytes go.
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

const BUDGET_KB = 30;

/** Collapses the whitespace of Lit's `html` and `css` templates in our own sources. */
function minifyTemplates() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!id.includes('/widget/src/')) return null;
      const edits = [];
      const walk = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && (node.tag.name === 'html' || node.tag.name === 'css')) {
          for (const quasi of node.quasi.quasis) {
            const raw = code.slice(quasi.start, quasi.end);
            const min = node.tag.name === 'css'
              ? raw.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};,])\s*/g, '$1').replace(/:\s+/g, ':')
              : raw.replace(/\s*\n\s*/g, ' ');
            if (min !== raw) edits.push([quasi.start, quasi.end, min]);
          }
        }
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.forEach(walk);
          else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value);
        }
      };
      walk(this.parse(code));
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}

/** Prints (and enforces) the min+gz size of the ES module. */
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
        if (kb > BUDGET_KB) this.warn(`over the ${BUDGET_KB} KB budget by ${(kb - BUDGET_KB).toFixed(1)} KB`);
      }
    },
  };
}

// i18next's logger calls only print diagnostics (a partner page's console is no place for
// them), so they are dropped with their long message strings.
const LOGGING = ['this.logger.log', 'this.logger.warn', 'this.logger.error', 'this.logger.deprecate', 'console.info'];

const terserOptions = {
  ecma: 2022,
  module: true,
  compress: { passes: 3, pure_funcs: LOGGING },
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
    minifyTemplates(),
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
