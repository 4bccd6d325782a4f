/**
 * npm run export:hsds -w cms [-- --out DIR]
 * Writes the public directory as Open Referral HSDS 3.0: a tabular data package (CSV and
 * datapackage.json) in DIR/tabular and nested JSON in DIR/json (default DIR: ./hsds-export, relative
 * to the folder the command is run from).
 * Public records and public fields only (see src/hsds/export.ts); safe to publish.
 */
import path from 'node:path';
import { bootStrapi } from './lib/boot';
import { exportHsds } from '../src/hsds/export';
import { runScript } from './lib/startup-error';
import { projectionOf } from '../src/directory/services';
import { profileUri } from '../src/hsds/profile';
import { closeStrapi } from '../src/startup/close';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const out = at >= 0 ? args[at + 1] : 'hsds-export';
  if (!out || out.startsWith('--')) {
    console.error('export:hsds: --out takes a folder, e.g. npm run export:hsds -w cms -- --out ../hsds-2026-11-29');
    return 2;
  }
  const strapi = await bootStrapi();
  try {
    const catalog = await projectionOf(strapi).catalog();
    // npm -w runs scripts in cms/: resolve DIR from where the command was typed (INIT_CWD).
    const report = exportHsds(catalog, path.resolve(process.env.INIT_CWD ?? process.cwd(), out), profileUri());
    for (const [file, count] of Object.entries(report.files)) console.log(`export:hsds: ${file} (${count})`);
    console.log(`export:hsds: ${report.organizations} public organization(s) written to ${report.dir}`);
    return 0;
  } finally {
    await closeStrapi(strapi);
  }
}

runScript('export:hsds', main);
