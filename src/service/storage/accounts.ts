/**
 * Editor accounts: a name, optionally one commune, and a scrypt hash of the
 * password (never the password). District-wide accounts have commune = null.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;
export const ACCOUNT_NAME = /^[A-Za-z0-9._@-]{2,64}$/;

const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const MAX_MEM = 128 * PARAMS.N * PARAMS.r * 2;

export interface Account {
  name: string;
  /** Commune slug for a commune editor; null for a district-wide editor. */
  commune: string | null;
  createdAt: string;
  /** Where the e-mail digest of new registrations goes; absent: no digest. */
  email?: string | null;
}

function scrypt(
  password: string,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((ok, fail) =>
    scryptCb(password.normalize('NFC'), salt, keylen, options, (err, key) =>
      err ? fail(err) : ok(key),
    ),
  );
}

/** "scrypt$N$r$p$salt$hash" (base64), so parameters can grow without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...PARAMS, maxmem: MAX_MEM });
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const N = Number(n),
    R = Number(r),
    P = Number(p);
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N,
    r: R,
    p: P,
    maxmem: 128 * N * R * 2,
  });
  return timingSafeEqual(key, expected);
}

/** A hash to verify against when the account does not exist, so both cases take as long. */
let dummyHash: Promise<string> | undefined;

export class AccountStore {
  private readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  async add(name: string, password: string, commune: string | null): Promise<Account> {
    const hash = await hashPassword(password);
    const createdAt = new Date().toISOString();
    this.db
      .prepare(
        'INSERT INTO accounts (name, commune, password_hash, created_at) VALUES (?, ?, ?, ?)',
      )
      .run(name, commune, hash, createdAt);
    return { name, commune, createdAt };
  }

  get(name: string): Account | undefined {
    const row = this.db
      .prepare('SELECT name, commune, created_at FROM accounts WHERE name = ?')
      .get(name) as { name: string; commune: string | null; created_at: string } | undefined;
    return row && { name: row.name, commune: row.commune, createdAt: row.created_at };
  }

  list(): Account[] {
    const rows = this.db
      .prepare('SELECT name, commune, created_at, email FROM accounts ORDER BY name')
      .all() as {
      name: string;
      commune: string | null;
      created_at: string;
      email: string | null;
    }[];
    return rows.map((r) => ({
      name: r.name,
      commune: r.commune,
      createdAt: r.created_at,
      email: r.email,
    }));
  }

  /**
   * Sets (or, with null, clears) the account's digest address; false when there is no such account.
   * The first address starts the digests from now: registrations already stored are not sent.
   */
  setEmail(name: string, email: string | null): boolean {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const changed =
        Number(
          this.db.prepare('UPDATE accounts SET email = ? WHERE name = ?').run(email, name).changes,
        ) > 0;
      if (changed && email) {
        this.db
          .prepare(
            'INSERT OR IGNORE INTO digest_marks (account, last_id) VALUES (?, (SELECT COALESCE(MAX(id), 0) FROM registrations))',
          )
          .run(name);
      }
      this.db.exec('COMMIT');
      return changed;
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
  }

  /** Removes the account, its sessions and its digest mark; false when there was none. */
  remove(name: string): boolean {
    this.db.prepare('DELETE FROM sessions WHERE account = ?').run(name);
    this.db.prepare('DELETE FROM digest_marks WHERE account = ?').run(name);
    return Number(this.db.prepare('DELETE FROM accounts WHERE name = ?').run(name).changes) > 0;
  }

  /** The account when the password is right; undefined otherwise (in about the same time). */
  async authenticate(name: string, password: string): Promise<Account | undefined> {
    if (password.length > MAX_PASSWORD_LENGTH) return undefined;
    const row = ACCOUNT_NAME.test(name)
      ? (this.db.prepare('SELECT password_hash FROM accounts WHERE name = ?').get(name) as
          { password_hash: string } | undefined)
      : undefined;
    if (!row) {
      dummyHash ??= hashPassword(randomBytes(12).toString('hex'));
      await verifyPassword(password, await dummyHash);
      return undefined;
    }
    return (await verifyPassword(password, row.password_hash)) ? this.get(name) : undefined;
  }
}
