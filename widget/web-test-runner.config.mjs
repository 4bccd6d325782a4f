// Browser tests in Debian's Chromium (no browser download on these machines), TypeScript through
// esbuild with the widget's tsconfig (legacy decorators), and msw's service worker served from
// the test root so that `setupWorker` can register it. The build's own transforms apply here
// too (after esbuild), so that the tests run what ships: the minified templates
// (scripts/minify-templates.mjs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'rollup/parseAst';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS } from '../scripts/lib.mjs';
import { minifyTemplates } from './scripts/minify-templates.mjs';

const require = createRequire(import.meta.url);
const serviceWorker = readFileSync(require.resolve('msw/mockServiceWorker.js'));

export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: ['src/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  // Lit's development build (picked by node-resolve in tests) announces itself in every file.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    {
      name: 'build-transforms',
      transform(context) {
        if (typeof context.body !== 'string') return undefined;
        if (/^\/src\/.*(?<!\.test)\.ts$/.test(context.path)) {
          const body = minifyTemplates(context.body, parseAst);
          return body === null ? undefined : { body };
        }
        return undefined;
      },
    },
  ],
  middleware: [
    function mockServiceWorker(context, next) {
      if (context.path !== '/mockServiceWorker.js') return next();
      context.type = 'application/javascript';
      context.body = serviceWorker;
      return undefined;
    },
  ],
};
