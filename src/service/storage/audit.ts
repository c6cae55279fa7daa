/**
 * The access log (Luật 91/2025/QH15): who exported, looked at, reviewed,
 * changed consent of or erased which registration, and when. Append-only
 * (SQLite triggers refuse UPDATE and DELETE); it holds receipts and account
 * names, never a personal value, so it needs no erasure of its own.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { toVnIso } from '../../domain/time.ts';

export type AuditAction =
  'export' | 'view' | 'status' | 'consent' | 'correct' | 'erase' | 'retention' | 'dossier';

export interface AuditEntry {
  at: string;
  account: string;
  action: AuditAction;
  receipt: string | null;
  detail: string;
}

/** Most entries one request may read. */
export const AUDIT_MAX_LIMIT = 1000;

export class AuditLog {
  private readonly insert: StatementSync;
  private readonly latest: StatementSync;

  constructor(db: DatabaseSync) {
    this.insert = db.prepare(
      'INSERT INTO audit_log (at, account, action, receipt, detail) VALUES (?, ?, ?, ?, ?)',
    );
    this.latest = db.prepare(
      'SELECT at, account, action, receipt, detail FROM audit_log ORDER BY id DESC LIMIT ?',
    );
  }

  record(
    account: string,
    action: AuditAction,
    receipt: string | null,
    detail: string,
    at: Date,
  ): void {
    this.insert.run(toVnIso(at), account, action, receipt, detail);
  }

  /** The newest entries first. */
  list(limit: number): AuditEntry[] {
    return this.latest.all(
      Math.max(1, Math.min(AUDIT_MAX_LIMIT, Math.floor(limit))),
    ) as unknown as AuditEntry[];
  }
}
