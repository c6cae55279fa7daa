/**
 * Staff e-mail digests: each account with an address gets one message listing the registrations new
 * in its scope (its commune, or all) since its last digest. What a digest covered is recorded in
 * SQLite (digest_marks.last_id, and a row of digest_log) only after the SMTP server accepted the
 * message, so an unreachable server means "tried again next time, nothing skipped", and a restart
 * (even after SIGKILL) never sends a registration twice. A lease on the account's mark keeps the
 * service and `npm run digest` from sending the same digest at once. The only duplicate left is a
 * crash in the instant between the server's acceptance and the COMMIT; the message id is the same
 * for the same range, so mail programs can fold it.
 *
 * @example await new DigestSender(db, content, { smtpUrl, mailFrom, siteUrl, everyMinutes: 60 }).sendDue(new Date(), { respectInterval: true })
 */
import type { DatabaseSync } from 'node:sqlite';
import { createTransport } from 'nodemailer';
import { toVnIso } from '../../domain/time.ts';
import type { SiteContent } from '../../domain/content-files-node.ts';
import { communeName } from '../review/labels.ts';
import { digestMail, type DigestItem } from './digest-mail.ts';

/** The most registrations one message lists; the rest come in the next one. */
export const MAX_ITEMS = 500;
/** How long a claimed digest stays claimed if its sender dies (longer than a send can take with the timeouts below). */
const LEASE_MS = 2 * 60_000;

export interface DigestSettings {
  smtpUrl: string;
  mailFrom: string;
  /** The public address for links. */
  siteUrl: string;
  everyMinutes: number;
}

export interface DigestOutcome {
  account: string;
  /** sent: accepted by the SMTP server; failed: not sent, tried again next time. */
  result: 'sent' | 'failed';
  count: number;
  error?: string;
}

/** An SMTP connection from the URL (smtp:// with STARTTLS when offered, smtps://), with short timeouts. */
const makeTransport = (url: string) =>
  createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
type Transport = ReturnType<typeof makeTransport>;

interface Candidate {
  account: string;
  commune: string | null;
  email: string;
  last_id: number;
  last_sent_at: string | null;
}

export class DigestSender {
  private readonly db: DatabaseSync;
  private readonly content: () => SiteContent;
  private readonly settings: DigestSettings;

  /** `content` is read at each run, so unit names follow content reloads. */
  constructor(db: DatabaseSync, content: () => SiteContent, settings: DigestSettings) {
    this.db = db;
    this.content = content;
    this.settings = settings;
  }

  /**
   * Sends every digest that is due: an account with an address and a registration new in its scope;
   * with `respectInterval`, only when its last digest is at least everyMinutes old.
   */
  async sendDue(
    now: Date,
    { respectInterval }: { respectInterval: boolean },
  ): Promise<DigestOutcome[]> {
    const candidates = this.db
      .prepare(
        `SELECT a.name AS account, a.commune, a.email, m.last_id, m.last_sent_at FROM accounts a
         JOIN digest_marks m ON m.account = a.name WHERE a.email IS NOT NULL AND a.email != '' ORDER BY a.name`,
      )
      .all() as unknown as Candidate[];
    const outcomes: DigestOutcome[] = [];
    const transport = makeTransport(this.settings.smtpUrl);
    try {
      for (const c of candidates) {
        if (
          respectInterval &&
          c.last_sent_at &&
          now.getTime() - Date.parse(c.last_sent_at) < this.settings.everyMinutes * 60_000
        )
          continue;
        const outcome = await this.sendOne(transport, c, now);
        if (outcome) outcomes.push(outcome);
      }
    } finally {
      transport.close();
    }
    return outcomes;
  }

  private async sendOne(
    transport: Transport,
    c: Candidate,
    now: Date,
  ): Promise<DigestOutcome | null> {
    const scope = c.commune === null ? '' : 'AND commune = ?';
    const params: (string | number)[] = c.commune === null ? [c.last_id] : [c.last_id, c.commune];
    const rows = this.db
      .prepare(
        `SELECT id, receipt, submitted_at, commune, product_name FROM registrations WHERE id > ? ${scope} AND honeypot = 0 AND status != 'rac' ORDER BY id LIMIT ${MAX_ITEMS}`,
      )
      .all(...params) as {
      id: number;
      receipt: string;
      submitted_at: string;
      commune: string;
      product_name: string;
    }[];
    if (rows.length === 0) return null;
    // Claim the account's mark, unless another sender holds it or already moved it on.
    const claimed = this.db
      .prepare(
        'UPDATE digest_marks SET sending_until = ? WHERE account = ? AND last_id = ? AND (sending_until IS NULL OR sending_until < ?)',
      )
      .run(now.getTime() + LEASE_MS, c.account, c.last_id, now.getTime());
    if (Number(claimed.changes) !== 1) return null;
    const content = this.content();
    const items: DigestItem[] = rows.map((r) => ({
      receipt: r.receipt,
      submittedAt: r.submitted_at,
      unitName: communeName(content, r.commune),
      productName: r.product_name,
    }));
    const mail = digestMail({
      account: c.account,
      scope: c.commune ? communeName(content, c.commune) : null,
      items,
      siteUrl: this.settings.siteUrl,
      everyMinutes: this.settings.everyMinutes,
    });
    const first = rows[0]!.id;
    const last = rows.at(-1)!.id;
    const host = new URL(this.settings.siteUrl).hostname || 'localhost';
    const messageId = `<digest.${encodeURIComponent(c.account)}.${first}-${last}@${host}>`;
    try {
      const info = await transport.sendMail({
        from: this.settings.mailFrom,
        to: c.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId,
      });
      if (info.rejected.length > 0 || info.accepted.length === 0)
        throw new Error(`the server refused ${c.email}: ${info.response}`);
    } catch (err) {
      this.db
        .prepare('UPDATE digest_marks SET sending_until = NULL WHERE account = ?')
        .run(c.account);
      return {
        account: c.account,
        result: 'failed',
        count: rows.length,
        error: (err as Error).message,
      };
    }
    // Accepted: record it at once, in one transaction.
    const sentAt = toVnIso(new Date());
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.db
        .prepare(
          'UPDATE digest_marks SET last_id = ?, last_sent_at = ?, sending_until = NULL WHERE account = ?',
        )
        .run(last, new Date().toISOString(), c.account);
      this.db
        .prepare(
          'INSERT INTO digest_log (account, email, first_id, last_id, count, message_id, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(c.account, c.email, first, last, rows.length, messageId, sentAt);
      this.db.exec('COMMIT');
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
    return { account: c.account, result: 'sent', count: rows.length };
  }
}

/** Runs the due digests every minute (or every DIGEST_EVERY, when shorter) while the service runs. */
export function scheduleDigests(
  sender: DigestSender,
  everyMinutes: number,
  onOutcome: (o: DigestOutcome) => void,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const o of await sender.sendDue(new Date(), { respectInterval: true })) onOutcome(o);
    } catch (err) {
      console.error(`digest: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), Math.max(1000, Math.min(everyMinutes, 1) * 60_000));
  timer.unref();
  const first = setTimeout(() => void tick(), 1000);
  first.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(first);
  };
}
