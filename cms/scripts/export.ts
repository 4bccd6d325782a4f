/**
 * npm run export -w cms -- --out DIR
 * Backup and hand-off: the internal directory (JSON and CSV, all fields, all statuses) and the
 * public directory (CSV, public fields only, as the public API serves it). See lib/export.ts.
 */
import path from 'node:path';
import { bootStrapi } from './lib/boot';
import { exportDirectory } from './lib/export';
import { runScript } from './lib/startup-error';
import { closeStrapi } from '../src/startup/close';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const out = at >= 0 ? args[at + 1] : undefined;
  if (!out || out.startsWith('--')) {
    console.error('export: --out DIR is required, e.g. npm run export -w cms -- --out ../backups/2026-11-29');
    return 2;
  }
  const strapi = await bootStrapi();
  try {
    const report = await exportDirectory(strapi, path.resolve(out));
    for (const [file, count] of Object.entries(report.files)) console.log(`export: ${file} (${count})`);
    console.log(`export: written to ${report.dir}; internal/ is confidential`);
    return 0;
  } finally {
    await closeStrapi(strapi);
  }
}

runScript('export', main);
