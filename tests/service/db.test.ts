// The database file: where it lives, how it is opened, and migrations by user_version.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase, SCHEMA_VERSION } from '../../src/service/storage/db.ts';
import { RegistrationStore } from '../../src/service/storage/store.ts';

const root = mkdtempSync(join(tmpdir(), 'ocop-db-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('creates DATA_DIR and ocop.sqlite in WAL with synchronous=FULL and a busy timeout', () => {
    const dir = join(root, 'a', 'b');
    const db = openDatabase(dir);
    expect(existsSync(join(dir, 'ocop.sqlite'))).toBe(true);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    expect(
      (db.prepare('PRAGMA busy_timeout').get() as { timeout: number }).timeout,
    ).toBeGreaterThan(0);
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION });
    const indexes = (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE 'CREATE UNIQUE%'",
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
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

describe('the search column', () => {
  it('is added to a database of the first version with every row kept, and filled on start', () => {
    const dir = join(root, 'old');
    mkdirSync(dir);
    const old = new DatabaseSync(join(dir, 'ocop.sqlite'));
    old.exec(MIGRATIONS[0]!); // the schema as version 1 shipped it
    old.exec('PRAGMA user_version = 1');
    old
      .prepare(
        `INSERT INTO registrations (receipt, created_at, submitted_at, status, producer_name, producer_type, representative, phone, email,
      commune, address, business_id, product_name, product_group, product_stage, description, support_needs, consent_processing, consent_publish_name)
      VALUES ('ABCD-EFGH', 'x', 'x', 'cho-ra-soat', 'Hộ ông Đức', 'ca-nhan', 'Đức', '0912345678', '', 'dak-ha', 'Thôn 1', '', 'Cà phê', 'thuc-pham', 'da-co', '', '[]', 1, 0)`,
      )
      .run();
    old.close();
    const db = openDatabase(dir);
    const store = new RegistrationStore(db);
    expect(store.refold()).toBe(1);
    expect(store.list({ search: ['duc', 'ca'] }).map((r) => r.receipt)).toEqual(['ABCD-EFGH']);
    expect(store.get('ABCD-EFGH')!.producerName).toBe('Hộ ông Đức');
    // Another program renames the product: the trigger clears the text and the next search folds it again.
    db.exec("UPDATE registrations SET product_name = 'Trà đắng' WHERE receipt = 'ABCD-EFGH'");
    expect(store.list({ search: ['tra', 'dang'] }).map((r) => r.receipt)).toEqual(['ABCD-EFGH']);
    expect(store.list({ search: ['ca'] })).toEqual([]);
    db.close();
  });
});
