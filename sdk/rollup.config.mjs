// Builds dist/index.js (ESM), dist/index.cjs (CJS) and bundled declarations (index.d.ts for
// `import`, index.d.cts for `require`), then measures the public client against its budget.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import terser from '@rollup/plugin-terser';
import { build } from 'esbuild';
import typescript from '@rollup/plugin-typescript';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const BUDGET_BYTES = 3000; // "3 KB", counted in the stricter decimal unit
const tsconfig = './tsconfig.build.json';
const esmFile = fileURLToPath(new URL('./dist/index.js', import.meta.url));

rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });

/** rollup + terser, as bundler setups built on rollup or Vite minify it. */
async function withTerser(source) {
  const entry = '\0public-client';
  const bundle = await rollup({
    input: entry,
    plugins: [
      {
        name: 'public-client-entry',
        resolveId: (id) => (id === entry ? id : null),
        load: (id) => (id === entry ? source : null),
      },
    ],
  });
  const { output } = await bundle.generate({ format: 'es', plugins: [terser()] });
  await bundle.close();
  return output[0].code;
}

/** esbuild with its default minifier, as many partners bundle it (and Vite's default for apps). */
async function withEsbuild(source) {
  const { outputFiles } = await build({
    stdin: { contents: source, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return outputFiles[0].text;
}

/**
 * What a partner page pays for the public client: a tree-shaken ESM bundle of
 * `createDirectoryClient` and the errors (classes and guards) only, minified and gzipped,
 * through each of the two minifiers partners use most. Both must fit the budget.
 */
function sizeBudget() {
  return {
    name: 'size-budget',
    async closeBundle() {
      const api = await import(`${esmFile}?t=${Date.now()}`);
      const names = Object.keys(api).filter((name) => name === 'createDirectoryClient' || /Error$/.test(name));
      const source = `export { ${names.join(', ')} } from ${JSON.stringify(esmFile)};`;
      const over = [];
      for (const [minifier, minify] of [
        ['rollup + terser', withTerser],
        ['esbuild', withEsbuild],
      ]) {
        const bytes = gzipSync(await minify(source), { level: 9 }).length;
        const line = `sdk public client: ${(bytes / 1000).toFixed(2)} KB min+gz through ${minifier} (budget ${BUDGET_BYTES / 1000} KB)`;
        console.log(line);
        if (bytes > BUDGET_BYTES) over.push(line);
      }
      if (over.length > 0) this.error(`over budget: ${over.join('; ')}`);
    },
  };
}

export default [
  {
    input: 'src/index.ts',
    output: [
      { file: 'dist/index.js', format: 'es', sourcemap: true },
      { file: 'dist/index.cjs', format: 'cjs', sourcemap: true },
    ],
    plugins: [typescript({ tsconfig, declaration: false, declarationMap: false, outDir: 'dist' }), sizeBudget()],
  },
  {
    input: 'src/index.ts',
    output: [
      { file: 'dist/index.d.ts', format: 'es' },
      { file: 'dist/index.d.cts', format: 'es' },
    ],
    plugins: [dts({ tsconfig })],
  },
];
