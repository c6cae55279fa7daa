/**
 * npm run backup -- FILE: a consistent copy of the live database while the service keeps running
 * (src/service/storage/backup.ts does the copy and its integrity check).
 */
import { resolve } from 'node:path';
import { readConfig } from '../src/service/config.ts';
import { backupDatabase } from '../src/service/storage/backup.ts';

// The database, its journal and backups hold producers' personal data: owner-only files.
process.umask(0o077);

process.removeAllListeners('warning');

async function main(argv: string[]): Promise<void> {
  const args = argv.filter((a) => a !== '--');
  if (args.length !== 1 || args[0]!.startsWith('-'))
    throw new Error('usage: npm run backup -- FILE');
  const target = resolve(args[0]!);
  const { registrations, pages } = await backupDatabase(readConfig().dataDir, target);
  console.log(`Backed up ${registrations} registrations (${pages} pages) to ${target}`);
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  console.error(`backup: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
