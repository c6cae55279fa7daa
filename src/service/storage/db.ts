/**
 * The one SQLite file under DATA_DIR: opened in WAL mode with synchronous=FULL
 * (a COMMIT has reached the disk when it returns), a busy timeout for the CLIs
 * that share it, and migrated by PRAGMA user_version.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';

export const DB_FILE = 'ocop.sqlite';
export const BUSY_TIMEOUT_MS = 5000;
/** WAL pages after which a COMMIT finishes the checkpoint itself (the worker has done most of it by then). */
export const FOREGROUND_CHECKPOINT_PAGES = 4000;
/** The WAL file is cut back to this size when it starts over. */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/** Each entry moves the schema from version i to i + 1; never edit one that shipped, append a new one. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE registrations (
     id INTEGER PRIMARY KEY,
     receipt TEXT NOT NULL,
     submission_id TEXT,
     created_at TEXT NOT NULL,
     submitted_at TEXT NOT NULL,
     reviewed_at TEXT,
     round TEXT,
     status TEXT NOT NULL,
     review_note TEXT NOT NULL DEFAULT '',
     honeypot INTEGER NOT NULL DEFAULT 0,
     producer_name TEXT NOT NULL,
     producer_type TEXT NOT NULL,
     representative TEXT NOT NULL,
     phone TEXT NOT NULL,
     email TEXT NOT NULL,
     commune TEXT NOT NULL,
     address TEXT NOT NULL,
     business_id TEXT NOT NULL,
     product_name TEXT NOT NULL,
     product_group TEXT NOT NULL,
     product_stage TEXT NOT NULL,
     description TEXT NOT NULL,
     support_needs TEXT NOT NULL CHECK (json_valid(support_needs)),
     consent_processing INTEGER NOT NULL,
     consent_publish_name INTEGER NOT NULL
   ) STRICT;
   CREATE UNIQUE INDEX registrations_receipt ON registrations(receipt);
   CREATE UNIQUE INDEX registrations_submission_id ON registrations(submission_id);
   CREATE INDEX registrations_filter ON registrations(commune, round, status);
   CREATE TABLE status_changes (
     id INTEGER PRIMARY KEY,
     registration_id INTEGER NOT NULL REFERENCES registrations(id),
     status TEXT NOT NULL,
     note TEXT NOT NULL,
     account TEXT NOT NULL,
     at TEXT NOT NULL
   ) STRICT;
   CREATE INDEX status_changes_registration ON status_changes(registration_id);
   CREATE TABLE accounts (
     name TEXT PRIMARY KEY COLLATE NOCASE,
     commune TEXT,
     password_hash TEXT NOT NULL,
     created_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     account TEXT NOT NULL COLLATE NOCASE REFERENCES accounts(name) ON DELETE CASCADE,
     csrf TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   ) STRICT;`,
  // Personal data (Luật 91/2025/QH15): proof of consent, erasure, and an append-only log of staff access.
  `ALTER TABLE registrations ADD COLUMN consent_at TEXT;
   ALTER TABLE registrations ADD COLUMN consent_version TEXT;
   ALTER TABLE registrations ADD COLUMN erased_at TEXT;
   UPDATE registrations SET consent_at = submitted_at;
   CREATE TABLE consent_versions (
     id TEXT PRIMARY KEY,
     wording TEXT NOT NULL,
     first_seen TEXT NOT NULL
   ) STRICT;
   CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     account TEXT NOT NULL,
     action TEXT NOT NULL,
     receipt TEXT,
     detail TEXT NOT NULL
   ) STRICT;
   CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
   CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`,
  // The list's search reads one folded text per row (see search-text.ts). It is written by the
  // store; any other writer that changes a name (a CLI, an erasure) only clears it, by this
  // trigger, and the store folds the cleared rows again before it searches. Existing rows start
  // cleared, so an old database gains the column on start with every row kept.
  `ALTER TABLE registrations ADD COLUMN search_text TEXT;
   CREATE INDEX registrations_unfolded ON registrations(id) WHERE search_text IS NULL;
   CREATE INDEX registrations_search ON registrations(commune, round, status, search_text);
   CREATE TRIGGER registrations_refold AFTER UPDATE OF receipt, product_name, producer_name ON registrations
     WHEN NEW.search_text IS OLD.search_text
     BEGIN UPDATE registrations SET search_text = NULL WHERE id = NEW.id; END;`,
  // 4: the campaign a registration was made in ('' for those stored before campaigns existed: their round tells).
  `ALTER TABLE registrations ADD COLUMN campaign TEXT NOT NULL DEFAULT '';`,
  // "Cần bổ sung": the reason shown to the producer, apart from the private review note.
  `ALTER TABLE registrations ADD COLUMN public_note TEXT NOT NULL DEFAULT '';
   ALTER TABLE status_changes ADD COLUMN public_note TEXT NOT NULL DEFAULT '';`,
  // Staff e-mail digests: an optional address per account; per account, the last registration id a
  // digest covered (set after the SMTP server accepted it) and a short lease while one is being sent;
  // a log of every digest sent.
  `ALTER TABLE accounts ADD COLUMN email TEXT;
   CREATE TABLE digest_marks (
     account TEXT PRIMARY KEY COLLATE NOCASE,
     last_id INTEGER NOT NULL,
     last_sent_at TEXT,
     sending_until INTEGER
   ) STRICT;
   CREATE TABLE digest_log (
     id INTEGER PRIMARY KEY,
     account TEXT NOT NULL,
     email TEXT NOT NULL,
     first_id INTEGER NOT NULL,
     last_id INTEGER NOT NULL,
     count INTEGER NOT NULL,
     message_id TEXT NOT NULL,
     sent_at TEXT NOT NULL
   ) STRICT;`,
  // The dossier checklist: one mark per registration and item (the items are content).
  `CREATE TABLE dossier_marks (
     registration_id INTEGER NOT NULL REFERENCES registrations(id),
     item TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('co', 'thieu', 'khong-ap-dung')),
     account TEXT NOT NULL,
     at TEXT NOT NULL,
     PRIMARY KEY (registration_id, item)
   ) STRICT;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Opens (creating DATA_DIR and the file when missing) and migrates the database. */
export function openDatabase(dataDir: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, DB_FILE), { timeout: BUSY_TIMEOUT_MS });
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec(`PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  db.exec('PRAGMA foreign_keys = ON');
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

function migrate(db: DatabaseSync): void {
  const version = () =>
    Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  if (version() > SCHEMA_VERSION) {
    throw new Error(
      `The database has schema version ${version()}, newer than this program (${SCHEMA_VERSION}); update the program.`,
    );
  }
  while (version() < SCHEMA_VERSION) {
    db.exec('BEGIN IMMEDIATE');
    try {
      // Read again under the write lock: the service and a CLI may open a new file at the same moment.
      const v = version();
      if (v < SCHEMA_VERSION) {
        db.exec(MIGRATIONS[v]!);
        db.exec(`PRAGMA user_version = ${v + 1}`);
      }
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  }
}

/**
 * For the long-running service: a worker thread (see checkpointer.ts) copies
 * the WAL into the database in the background, so no request waits for a
 * whole checkpoint. The request thread keeps SQLite's own checkpoint, with a
 * higher threshold, only to finish the last few frames: that is what lets
 * the WAL start over from its beginning under continuous writes, which a
 * background checkpoint alone never catches up with. Returns a stop function
 * whose promise settles when the worker has closed its connection (a caller
 * that removes the database's folder waits for it, or the worker could still
 * be opening the file as the folder goes).
 */
export function checkpointInBackground(db: DatabaseSync, dataDir: string): () => Promise<void> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./checkpointer.ts', import.meta.url), {
      workerData: { file: join(dataDir, DB_FILE) },
    });
  } catch {
    return () => Promise.resolve(); // Automatic checkpoints stay on.
  }
  worker.unref();
  let exited = false;
  const exit = new Promise<void>((ok) => worker.once('exit', () => ok()));
  void exit.then(() => (exited = true));
  // If the worker dies, fall back to SQLite's own checkpoints rather than letting the WAL grow.
  worker.on('error', () => db.isOpen && db.exec('PRAGMA wal_autocheckpoint = 1000'));
  db.exec(`PRAGMA wal_autocheckpoint = ${FOREGROUND_CHECKPOINT_PAGES}`);
  return () => {
    if (exited) return Promise.resolve();
    worker.postMessage('stop');
    // A worker that does not stop within 2 s is ended (its connection closes with it).
    const force = setTimeout(() => void worker.terminate(), 2000);
    force.unref();
    return exit.finally(() => clearTimeout(force));
  };
}
