/**
 * npm run backup -- FILE: a consistent copy of the live database, taken with
 * SQLite's online backup API while the service keeps running (WAL readers do
 * not block writers), then checked with PRAGMA integrity_check.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import { readConfig } from '../src/service/config.ts';
import { DB_FILE, openDatabase } from '../src/service/storage/db.ts';

// The database, its journal and backups hold producers' personal data: owner-only files.
process.umask(0o077);

process.removeAllListeners('warning');

async function main(argv: string[]): Promise<void> {
  const args = argv.filter((a) => a !== '--');
  if (args.length !== 1 || args[0]!.startsWith('-'))
    throw new Error('usage: npm run backup -- FILE');
  const target = resolve(args[0]!);
  const { dataDir } = readConfig();
  if (!existsSync(join(dataDir, DB_FILE)))
    throw new Error(`no database at ${join(dataDir, DB_FILE)} (is DATA_DIR right?)`);
  if (target === resolve(dataDir, DB_FILE))
    throw new Error('the backup file must not be the live database');
  mkdirSync(dirname(target), { recursive: true });
  // Write beside the target and rename at the end, so FILE is never a half-written copy.
  const partial = `${target}.partial-${process.pid}`;
  const source = openDatabase(dataDir);
  try {
    const pages = await backup(source, partial);
    const copy = new DatabaseSync(partial);
    try {
      copy.exec('PRAGMA journal_mode = DELETE');
      const check = copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
      if (check.integrity_check !== 'ok')
        throw new Error(`the copy failed its integrity check: ${check.integrity_check}`);
      const { n } = copy.prepare('SELECT count(*) AS n FROM registrations').get() as { n: number };
      console.log(`Backed up ${n} registrations (${pages} pages) to ${target}`);
    } finally {
      copy.close();
    }
    renameSync(partial, target);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  console.error(`backup: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
