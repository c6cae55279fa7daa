// The database file: where it lives, how it is opened, and migrations by user_version.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSION } from '../../src/service/db.ts';

const root = mkdtempSync(join(tmpdir(), 'ocop-db-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('creates DATA_DIR and ocop.sqlite in WAL with synchronous=FULL and a busy timeout', () => {
    const dir = join(root, 'a', 'b');
    const db = openDatabase(dir);
    expect(existsSync(join(dir, 'ocop.sqlite'))).toBe(true);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    expect((db.prepare('PRAGMA busy_timeout').get() as { timeout: number }).timeout).toBeGreaterThan(0);
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION });
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE 'CREATE UNIQUE%'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes.sort()).toEqual(['registrations_receipt', 'registrations_submission_id']);
    db.close();
    // Opening again migrates nothing and keeps the data.
    const again = openDatabase(dir);
    expect(again.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION });
    again.close();
  });

  it('refuses a database from a newer program with a clear message', () => {
    const dir = join(root, 'newer');
    openDatabase(dir).close();
    const raw = new DatabaseSync(join(dir, 'ocop.sqlite'));
    raw.exec('PRAGMA user_version = 99');
    raw.close();
    expect(() => openDatabase(dir)).toThrow(/schema version 99, newer than this program/);
  });
});
