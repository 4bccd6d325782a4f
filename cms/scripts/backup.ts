/**
 * npm run backup -w cms [-- --out FILE]
 * Backs up the configured database while the server keeps running (SQLite: online backup API;
 * PostgreSQL: pg_dump --format=custom), checks the copy, and prints one line: file, size, contents.
 * Default file: backups/<sqlite|postgres>-<UTC timestamp>.db|.dump under cms/ (or BACKUP_DIR).
 * See docs/operations.md, "Backups and restore".
 */
import { commandArgs, runScript } from './lib/startup-error';
import path from 'node:path';
import {
  backupDatabase,
  backupDir,
  databaseFromEnv,
  defaultBackupFile,
  firstLine,
  formatBytes,
  loadDotEnv,
  uploadedFiles,
} from '../src/operations/backup';

const USAGE = 'usage: npm run backup -w cms [-- --out FILE]  (safe while the server runs)';

async function main(): Promise<number> {
  const args = commandArgs(USAGE);
  if (!args) return 0;
  const at = args.indexOf('--out');
  const out = at >= 0 ? args[at + 1] : undefined;
  const unknown = args.filter((a, i) => !(i === at || (at >= 0 && i === at + 1)));
  if ((at >= 0 && (!out || out.startsWith('--'))) || unknown.length > 0) {
    console.error(`backup: ${unknown.length ? `unknown argument ${unknown[0]}; ` : '--out needs a file; '}${USAGE}`);
    return 2;
  }
  loadDotEnv();
  const db = databaseFromEnv();
  const report = await backupDatabase(db, out ? path.resolve(out) : defaultBackupFile(db, backupDir()));
  console.log(`backup: ${report.file} (${formatBytes(report.bytes)}; ${report.summary})`);
  const uploads = uploadedFiles();
  if (uploads > 0) console.log(`backup: note: public/uploads holds ${uploads} file(s) that are not in the database: copy that folder too`);
  return 0;
}

runScript('backup', main, firstLine);
