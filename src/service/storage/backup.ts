/**
 * A consistent copy of the live database, taken with SQLite's online backup API while the service
 * keeps running (WAL readers do not block writers), then checked with PRAGMA integrity_check.
 * Written beside the target and renamed at the end, so the target is never a half-written copy.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import { DB_FILE, openDatabase } from './db.ts';

/** Copies DATA_DIR's database into `target`; the reason in English when it cannot. */
export async function backupDatabase(
  dataDir: string,
  target: string,
): Promise<{ registrations: number; pages: number }> {
  if (!existsSync(join(dataDir, DB_FILE)))
    throw new Error(`no database at ${join(dataDir, DB_FILE)} (is DATA_DIR right?)`);
  if (resolve(target) === resolve(dataDir, DB_FILE))
    throw new Error('the backup file must not be the live database');
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  const source = openDatabase(dataDir);
  try {
    const pages = await backup(source, partial);
    const copy = new DatabaseSync(partial);
    let registrations: number;
    try {
      copy.exec('PRAGMA journal_mode = DELETE');
      const check = copy.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
      if (check.integrity_check !== 'ok')
        throw new Error(`the copy failed its integrity check: ${check.integrity_check}`);
      const row = copy.prepare('SELECT count(*) AS n FROM registrations').get() as { n: number };
      registrations = row.n;
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    return { registrations, pages };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }
}
