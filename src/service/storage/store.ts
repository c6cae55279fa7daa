/**
 * Registrations in SQLite. New ones go through a group commit: everything that
 * arrives while the previous commit is being written is stored in the next
 * single transaction, and each caller's promise settles only after that
 * transaction's COMMIT returned (synchronous=FULL: on disk). So a 2xx still
 * means "committed", with one fsync shared by many registrations.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { RegistrationRecord } from '../../domain/registration.ts';
import { newReceipt } from '../../domain/receipt-node.ts';
import type { Registration } from '../../domain/registration.ts';
import { INITIAL_STATUS, type Status } from '../../domain/status.ts';
import { toVnIso } from '../../domain/time.ts';
import { filterSql, pageSql, type RegistrationFilter } from './registration-query.ts';
import { searchText } from './search-text.ts';

export interface NewRegistration {
  value: Registration;
  submissionId: string | null;
  honeypot: boolean;
  at: Date;
  round: string | null;
  /** The current campaign's slug when it was received. */
  campaign: string;
  /** The id of the consent wording the form showed (consent.ts). */
  consentVersion: string;
}

export interface StoredRegistration extends RegistrationRecord {
  honeypot: boolean;
  /** When its personal data was erased, ISO 8601 +07:00; null while it is kept. */
  erasedAt: string | null;
}

export interface InsertResult {
  record: StoredRegistration;
  /** false when the submissionId was already stored (the first record is returned). */
  created: boolean;
}

export type { RegistrationFilter } from './registration-query.ts';

export interface StatusChange {
  status: Status;
  note: string;
  /** The reason shown to the producer (can-bo-sung); '' otherwise. */
  publicNote: string;
  account: string;
  at: string;
}

const RECEIPT_ATTEMPTS = 20;

interface Row {
  [key: string]: unknown;
}

function toRecord(row: Row): StoredRegistration {
  return {
    receipt: row.receipt as string,
    submittedAt: row.submitted_at as string,
    reviewedAt: (row.reviewed_at as string | null) ?? null,
    round: (row.round as string | null) ?? null,
    campaign: (row.campaign as string | undefined) ?? '',
    status: row.status as Status,
    reviewNote: row.review_note as string,
    producerName: row.producer_name as string,
    producerType: row.producer_type as string,
    representative: row.representative as string,
    phone: row.phone as string,
    email: row.email as string,
    commune: row.commune as string,
    address: row.address as string,
    businessId: row.business_id as string,
    productName: row.product_name as string,
    productGroup: row.product_group as string,
    productStage: row.product_stage as string,
    description: row.description as string,
    supportNeeds: JSON.parse(row.support_needs as string) as string[],
    consentProcessing: true,
    consentPublishName: row.consent_publish_name === 1,
    consentAt: (row.consent_at as string | null) ?? null,
    consentVersion: (row.consent_version as string | null) ?? null,
    publicNote: (row.public_note as string | undefined) ?? '',
    honeypot: row.honeypot === 1,
    erasedAt: (row.erased_at as string | null) ?? null,
  };
}

interface Pending {
  item: NewRegistration;
  resolve: (result: InsertResult) => void;
  reject: (err: unknown) => void;
}

export class RegistrationStore {
  private readonly insert: StatementSync;
  private readonly bySubmissionId: StatementSync;
  private readonly byReceipt: StatementSync;
  private readonly staleRows: StatementSync;
  private readonly setSearchText: StatementSync;
  private queue: Pending[] = [];
  private scheduled = false;

  readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
    this.insert = db.prepare(`INSERT INTO registrations (
        receipt, submission_id, created_at, submitted_at, round, campaign, status, honeypot,
        producer_name, producer_type, representative, phone, email, commune, address, business_id,
        product_name, product_group, product_stage, description, support_needs, consent_processing, consent_publish_name,
        consent_at, consent_version, search_text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING`);
    this.bySubmissionId = db.prepare('SELECT * FROM registrations WHERE submission_id = ?');
    this.byReceipt = db.prepare('SELECT * FROM registrations WHERE receipt = ?');
    this.staleRows = db.prepare(
      'SELECT id, receipt, product_name, producer_name FROM registrations WHERE search_text IS NULL',
    );
    this.setSearchText = db.prepare('UPDATE registrations SET search_text = ? WHERE id = ?');
  }

  /** Stores a registration, or finds the one stored under the same submissionId. Settles after COMMIT. */
  add(item: NewRegistration): Promise<InsertResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the current round of I/O callbacks, so requests that arrived together share one commit.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    try {
      const results = this.transaction(() => batch.map((p) => this.insertOne(p.item)));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch {
      // One bad item must not fail the others: retry each in its own transaction.
      for (const p of batch) {
        try {
          p.resolve(this.transaction(() => this.insertOne(p.item)));
        } catch (err) {
          p.reject(err);
        }
      }
    }
  }

  /** Runs fn inside BEGIN IMMEDIATE … COMMIT; rolls back when it throws. */
  transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (err) {
      try {
        this.db.exec('ROLLBACK');
      } catch {
        // The transaction may already be gone (e.g. after a failed COMMIT).
      }
      throw err;
    }
  }

  private insertOne(item: NewRegistration): InsertResult {
    const v = item.value;
    const submittedAt = toVnIso(item.at);
    const status = item.honeypot ? 'rac' : INITIAL_STATUS;
    for (let attempt = 0; attempt < RECEIPT_ATTEMPTS; attempt++) {
      const receipt = newReceipt();
      const { changes } = this.insert.run(
        receipt,
        item.submissionId,
        item.at.toISOString(),
        submittedAt,
        item.round,
        item.campaign,
        status,
        item.honeypot ? 1 : 0,
        v.producerName,
        v.producerType,
        v.representative,
        v.phone,
        v.email,
        v.commune,
        v.address,
        v.businessId,
        v.productName,
        v.productGroup,
        v.productStage,
        v.description,
        JSON.stringify(v.supportNeeds),
        v.consentProcessing ? 1 : 0,
        v.consentPublishName ? 1 : 0,
        submittedAt,
        item.consentVersion,
        searchText(receipt, v.productName, v.producerName),
      );
      if (Number(changes) === 1) {
        const record: StoredRegistration = {
          ...v,
          receipt,
          submittedAt,
          reviewedAt: null,
          round: item.round,
          campaign: item.campaign,
          status,
          reviewNote: '',
          honeypot: item.honeypot,
          consentAt: submittedAt,
          consentVersion: item.consentVersion,
          publicNote: '',
          erasedAt: null,
        };
        return { record, created: true };
      }
      // Nothing inserted: either this submissionId is stored already (answer with that one)…
      const existing = item.submissionId
        ? (this.bySubmissionId.get(item.submissionId) as Row | undefined)
        : undefined;
      if (existing) return { record: toRecord(existing), created: false };
      // …or the random receipt was taken: draw again.
    }
    throw new Error(`no free receipt after ${RECEIPT_ATTEMPTS} attempts`);
  }

  get(receipt: string): StoredRegistration | undefined {
    const row = this.byReceipt.get(receipt) as Row | undefined;
    return row && toRecord(row);
  }

  /** Registrations matching every given filter, oldest first. */
  list(filter: RegistrationFilter = {}): StoredRegistration[] {
    if (filter.search?.length) this.refold();
    const { where, params } = filterSql(filter);
    return (
      this.db.prepare(`SELECT * FROM registrations ${where} ORDER BY id`).all(...params) as Row[]
    ).map(toRecord);
  }

  /** One page of the matching registrations, newest first; `matching` is how many match (from countByStatus). */
  page(
    filter: RegistrationFilter,
    offset: number,
    limit: number,
    matching = Infinity,
  ): StoredRegistration[] {
    if (offset >= matching) return [];
    if (filter.search?.length) this.refold();
    const { sql, params } = pageSql(filter, matching);
    return (this.db.prepare(sql).all(...params, limit, offset) as Row[]).map(toRecord);
  }

  /** How many match the filter (its status aside), per status; statuses with none are absent. */
  countByStatus(filter: RegistrationFilter): Map<Status, number> {
    if (filter.search?.length) this.refold();
    const { where, params } = filterSql({ ...filter, status: undefined });
    const rows = this.db
      .prepare(`SELECT status, count(*) AS n FROM registrations ${where} GROUP BY status`)
      .all(...params) as Row[];
    return new Map(rows.map((r) => [r.status as Status, Number(r.n)]));
  }

  /**
   * Writes the search text of rows that have none: rows from before the column existed, and rows
   * whose names another writer changed (the refold trigger cleared them). Returns how many.
   */
  refold(): number {
    const stale = this.staleRows.all() as Row[];
    if (stale.length === 0) return 0;
    this.transaction(() => {
      for (const r of stale)
        this.setSearchText.run(
          searchText(r.receipt as string, r.product_name as string, r.producer_name as string),
          r.id as number,
        );
    });
    return stale.length;
  }

  /** Sets the status, the private note and the public reason; records the review time and who did it. */
  setStatus(
    receipt: string,
    status: Status,
    note: string,
    account: string,
    at: Date,
    publicNote = '',
  ): StoredRegistration | undefined {
    const reviewedAt = toVnIso(at);
    return this.transaction(() => {
      const row = this.db
        .prepare(
          'UPDATE registrations SET status = ?, review_note = ?, public_note = ?, reviewed_at = ? WHERE receipt = ? RETURNING *',
        )
        .get(status, note, publicNote, reviewedAt, receipt) as Row | undefined;
      if (!row) return undefined;
      this.db
        .prepare(
          'INSERT INTO status_changes (registration_id, status, note, public_note, account, at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(row.id as number, status, note, publicNote, account, reviewedAt);
      return toRecord(row);
    });
  }

  /** Every review of a registration, oldest first. */
  history(receipt: string): StatusChange[] {
    return this.db
      .prepare(
        `SELECT s.status, s.note, s.public_note AS publicNote, s.account, s.at FROM status_changes s
         JOIN registrations r ON r.id = s.registration_id WHERE r.receipt = ? ORDER BY s.id`,
      )
      .all(receipt) as unknown as StatusChange[];
  }
}
