/**
 * npm run import -w cms -- FILE [--apply] [--force]
 * Imports organizations from the bilingual CSV template (cms/hsds/import-template.csv), HSDS
 * JSON (services or organizations, as `npm run export:hsds` writes them in json/ or the HSDS API
 * serves them) or an HSDS tabular package (the export's tabular/ folder or its datapackage.json). Dry run by default: prints what would happen and writes nothing. With --apply,
 * writes DRAFTS for editors to review (one transaction: all or nothing). A file with a rejected
 * row writes nothing. --force overwrites records an editor changed after the file's version.
 * Exit codes: 0 done, 1 rejected (nothing written), 2 usage, 3 conflicts left unwritten.
 */
import path from 'node:path';
import fs from 'node:fs';
import { bootStrapi } from './lib/boot';
import { importFile, reportLines } from '../src/hsds/import';
import { runScript } from './lib/startup-error';
import { closeStrapi } from '../src/startup/close';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--apply' && a !== '--force');
  const files = args.filter((a) => !a.startsWith('--'));
  if (unknown.length > 0 || files.length !== 1) {
    console.error(
      'import: usage: npm run import -w cms -- FILE [--apply] [--force]   (FILE: the .csv template, HSDS .json/.ndjson, or an HSDS tabular package: its folder or datapackage.json)',
    );
    return 2;
  }
  // npm -w runs scripts in cms/: resolve FILE from where the command was typed (INIT_CWD).
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), files[0]!);
  if (!fs.existsSync(file)) {
    console.error(`import: no such file: ${file}`);
    return 2;
  }
  const strapi = await bootStrapi();
  try {
    const report = await importFile(strapi, file, { apply: args.includes('--apply'), force: args.includes('--force') });
    for (const line of reportLines(report)) console.log(line);
    if (report.refused) return 1;
    return report.conflicts.some((c) => !c.overwritten) ? 3 : 0;
  } catch (error: unknown) {
    console.error(`import: failed, nothing written: ${(error as Error)?.message ?? String(error)}`);
    return 1;
  } finally {
    await closeStrapi(strapi);
  }
}

runScript('import', main);
