// The linter of the whole tree, run by `npm test` (scripts/lint.mjs) and by `npx eslint .`.
// Syntax-only rules (no type information), so that it stays fast on a small machine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

/** Tests, fixtures and generated files may be long: a scenario reads best in one piece. */
const TESTS_AND_FIXTURES = [
  '**/*.test.ts',
  '**/*.test.mjs',
  '**/test/**',
  '**/test-support/**',
  '**/test-types/**',
  '**/fixtures/**',
  'cms/relevance/**',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.strapi/**',
      '**/.cache/**',
      '**/.tmp/**',
      '**/.turbo/**',
      'cms/types/generated/**',
      'sdk/docs/**',
      'widget/custom-elements.json',
      '**/coverage/**',
      'examples/.readme-blocks-*/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        // Node and browser globals both appear (servers, scripts, the widget, browser tests).
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        globalThis: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        window: 'readonly',
        document: 'readonly',
        // Inside Playwright's page.evaluate callbacks (examples/), which run in the browser.
        performance: 'readonly',
        requestAnimationFrame: 'readonly',
        MutationObserver: 'readonly',
        customElements: 'readonly',
        indexedDB: 'readonly',
        localStorage: 'readonly',
        sessionStorage: 'readonly',
        navigator: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
      // The SDK's error classes write `name: 'X' = 'X'`: the literal type is what the API reference shows.
      '@typescript-eslint/prefer-as-const': 'off',
    },
  },
  {
    // TypeScript itself reports undefined names, with the right globals per package.
    files: ['**/*.ts', '**/*.tsx'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['widget/src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['widget/src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: TESTS_AND_FIXTURES,
    rules: {
      'max-lines': 'off',
      'max-lines-per-function': 'off',
      // Tests probe the JSON bodies of HTTP answers freely; their assertions check the shape.
      '@typescript-eslint/no-explicit-any': 'off',
      // Chai's property assertions (`expect(x).to.be.true`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    // Not yet split into named steps (#18 item 2, left for the next session): the widget's root
    // element, ~430 lines: what does one thing is out (presets, requests, states, settings); its
    // `static properties` must stay inline for custom-elements.json, and its data tasks and list are
    // left (a 40 KB budget with a few bytes to spare; the list as a function cost 84 B).
    files: ['widget/src/referral-directory.ts'],
    rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
  },
  {
    // The catalog's refresh is one closure over its state (the load, the poll, the re-reads this
    // instance's readers wait for): its steps are named functions inside it, and their shared
    // counters (`marked`/`applied`) are easier to keep right in one scope than passed around.
    files: ['cms/src/catalog/projection.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
);
