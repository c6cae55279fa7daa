/**
 * Moves WAL checkpoints off the request thread. SQLite's automatic checkpoint
 * runs inside some unlucky COMMIT and writes and syncs the database file,
 * which would stall every request for that long. This worker, with a
 * connection of its own, runs a PASSIVE checkpoint (never blocks writers)
 * every CHECKPOINT_INTERVAL_MS, so the one left to the request thread (see
 * checkpointInBackground in db.ts) only has a few frames to copy.
 */
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

export const CHECKPOINT_INTERVAL_MS = 200;

// The worker has its own process events; node:sqlite's experimental notice is noise here too.
process.removeAllListeners('warning');

if (parentPort && workerData?.file) {
  const db = new DatabaseSync(workerData.file as string, { timeout: 5000 });
  db.exec('PRAGMA synchronous = FULL');
  const timer = setInterval(() => {
    try {
      db.exec('PRAGMA wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or closing: the next tick tries again, and SQLite recovers the WAL on open anyway.
    }
  }, CHECKPOINT_INTERVAL_MS);
  parentPort.on('message', (message) => {
    if (message !== 'stop') return;
    clearInterval(timer);
    db.close();
    parentPort!.close();
  });
}
