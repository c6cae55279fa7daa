/**
 * People's rights over their registration, done by staff (Luật 91/2025/QH15):
 * withdrawing consent to publish the name, and erasing personal data. Each is
 * one transaction with its entry in the access log; an erasure also empties
 * the review notes and public reasons in the registration's history (staff
 * type them, so they may name the person). See domain/personal-data.ts
 * for what is kept and what is emptied.
 *
 * Both move the review time (reviewed_at) to now: the registry keeps, of the
 * rows of one receipt in several uploaded exports, the one reviewed last, so
 * the export made after a withdrawal or an erasure wins over older uploads.
 */
import type { DatabaseSync } from 'node:sqlite';
import { PERSONAL_PRODUCER_TYPES } from '../../domain/personal-data.ts';
import { toVnIso } from '../../domain/time.ts';
import type { AuditLog } from './audit.ts';
import type { RegistrationStore, StoredRegistration } from './store.ts';

/** The fields a person may have corrected, and their columns. */
export const CORRECTABLE_COLUMNS = {
  producerName: 'producer_name',
  representative: 'representative',
  phone: 'phone',
  email: 'email',
  address: 'address',
  businessId: 'business_id',
  description: 'description',
} as const;
export type CorrectableField = keyof typeof CORRECTABLE_COLUMNS;
export const isCorrectable = (field: unknown): field is CorrectableField =>
  typeof field === 'string' && Object.hasOwn(CORRECTABLE_COLUMNS, field);

const PERSONAL_TYPES_SQL = [...PERSONAL_PRODUCER_TYPES]
  .map((t) => `'${t.replace(/'/g, "''")}'`)
  .join(', ');

export class PersonalData {
  private readonly db: DatabaseSync;
  private readonly store: RegistrationStore;
  private readonly audit: AuditLog;

  constructor(store: RegistrationStore, audit: AuditLog) {
    this.db = store.db;
    this.store = store;
    this.audit = audit;
  }

  /** Sets consent to publish the name (a withdrawal is `false`); the next public list follows it. */
  setPublishConsent(
    receipt: string,
    consent: boolean,
    reason: string,
    account: string,
    at: Date,
  ): StoredRegistration | undefined {
    return this.store.transaction(() => {
      const { changes } = this.db
        .prepare(
          'UPDATE registrations SET consent_publish_name = ?, reviewed_at = ? WHERE receipt = ?',
        )
        .run(consent ? 1 : 0, toVnIso(at), receipt);
      if (Number(changes) === 0) return undefined;
      this.audit.record(
        account,
        'consent',
        receipt,
        `${consent ? 'đồng ý' : 'rút lại đồng ý'} công khai tên — ${reason}`,
        at,
      );
      return this.store.get(receipt);
    });
  }

  /** Corrects one personal field to a value already checked by the field's schema; the log names the field, not the values. */
  correct(
    receipt: string,
    field: CorrectableField,
    value: string,
    reason: string,
    account: string,
    at: Date,
  ): StoredRegistration | undefined {
    return this.store.transaction(() => {
      const { changes } = this.db
        .prepare(
          `UPDATE registrations SET ${CORRECTABLE_COLUMNS[field]} = ?, reviewed_at = ? WHERE receipt = ?`,
        )
        .run(value, toVnIso(at), receipt);
      if (Number(changes) === 0) return undefined;
      this.audit.record(account, 'correct', receipt, `sửa ${field} — ${reason}`, at);
      return this.store.get(receipt);
    });
  }

  /** Empties every personal field of one registration; the row stays. The action is 'erase' or 'retention'. */
  erase(
    receipt: string,
    reason: string,
    account: string,
    at: Date,
    action: 'erase' | 'retention' = 'erase',
  ): StoredRegistration | undefined {
    return this.store.transaction(() => {
      const row = this.db
        .prepare(
          `UPDATE registrations SET representative = '', phone = '', email = '', address = '', business_id = '',
             description = '', support_needs = '[]', review_note = '', public_note = '', consent_publish_name = 0,
             producer_name = CASE WHEN producer_type IN (${PERSONAL_TYPES_SQL}) THEN '' ELSE producer_name END,
             erased_at = ?1, reviewed_at = ?1
           WHERE receipt = ?2 RETURNING id`,
        )
        .get(toVnIso(at), receipt) as { id: number } | undefined;
      if (!row) return undefined;
      this.db
        .prepare("UPDATE status_changes SET note = '', public_note = '' WHERE registration_id = ?")
        .run(row.id);
      this.audit.record(account, action, receipt, `xóa dữ liệu cá nhân — ${reason}`, at);
      return this.store.get(receipt);
    });
  }
}
