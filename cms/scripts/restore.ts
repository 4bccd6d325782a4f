/**
 * npm run restore -w cms -- FILE
 * Replaces the configured database with a backup made by `npm run backup`. Stop the server first.
 * The file is checked before anything changes, and the current database is first copied to
 * backups/before-restore-<UTC timestamp>.db|.dump (or BACKUP_DIR), so a wrong restore can be undone.
 * See docs/operations.md, "Backups and restore".
 */
import { commandArgs, runScript } from './lib/startup-error';
import { backupDir, databaseFromEnv, firstLine, formatBytes, loadDotEnv, restoreDatabase } from '../src/operations/backup';

const USAGE = 'usage: npm run restore -w cms -- FILE  (stop the server first)';

async function main(): Promise<number> {
  const args = commandArgs(USAGE);
  if (!args) return 0;
  const file = args[0];
  if (!file || args.length > 1 || file.startsWith('-')) {
    console.error(`restore: ${args.length > 1 ? 'one backup file at a time; ' : ''}${USAGE}`);
    return 2;
  }
  loadDotEnv();
  const report = await restoreDatabase(databaseFromEnv(), file, backupDir());
  console.log(`restore: checked ${report.restored.file} (${formatBytes(report.restored.bytes)}; ${report.restored.summary})`);
  console.log(
    report.safetyCopy
      ? `restore: the database as it was is kept in ${report.safetyCopy.file} (restore that file to undo)`
      : 'restore: the database was empty or missing: nothing to keep',
  );
  console.log(`restore: done; start the server`);
  return 0;
}

runScript('restore', main, firstLine);
