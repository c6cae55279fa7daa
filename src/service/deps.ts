/** What every route module is given: settings, content, the schema and the stores. Built once by createApp. */
import type { DatabaseSync } from 'node:sqlite';
import { communeResolver } from '../domain/commune.ts';
import { consentVersion } from '../domain/consent.ts';
import { REGISTRATION_FIELDS } from '../domain/registration-fields.ts';
import { toVnIso } from '../domain/time.ts';
import { NEXT_ROUND_LABEL } from '../domain/round.ts';
import { makeRegistrationSchema, type RegistrationSchema } from '../domain/registration.ts';
import { readSiteContent, type SiteContent } from '../lib/content-files.ts';
import { AccountStore } from './accounts.ts';
import { AuditLog } from './audit.ts';
import { PersonalData } from './personal-data.ts';
import type { ServiceConfig } from './config.ts';
import { checkpointInBackground, openDatabase } from './db.ts';
import type { LogSink } from './log.ts';
import { HashGate } from './hash-gate.ts';
import { WindowLimiter } from './rate-limit.ts';
import { SessionStore } from './session.ts';
import { RegistrationStore } from './store.ts';

/** Failed sign-ins allowed per account and address within SIGN_IN_WINDOW_MS. */
export const SIGN_IN_FAILURES = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Sign-in attempts that fail allowed per address, whatever the names, within SIGN_IN_WINDOW_MS (password spraying). */
export const SIGN_IN_FAILURES_PER_ADDRESS = 10;
/** Receipt lookups per client per minute: generous for people, a wall for enumeration. */
export const LOOKUPS_PER_MINUTE = 60;

export interface Deps {
  config: ServiceConfig;
  content: SiteContent;
  schema: RegistrationSchema;
  resolveCommune: (value: string) => { slug: string; name: string } | undefined;
  db: DatabaseSync;
  registrations: RegistrationStore;
  accounts: AccountStore;
  sessions: SessionStore;
  /** The append-only access log. */
  audit: AuditLog;
  /** Withdrawal of publish consent and erasure, each logged. */
  personalData: PersonalData;
  /** The id of the consent wording the form shows now (kept in consent_versions). */
  consentVersion: string;
  /** Registrations per client per minute; undefined when RATE_LIMIT=0. */
  postLimiter?: WindowLimiter;
  /** Failed sign-ins per account + address. */
  signInLimiter: WindowLimiter;
  /** Failed sign-ins per address, across account names. */
  addressSignInLimiter: WindowLimiter;
  /** Receipt lookups per client; undefined when RATE_LIMIT=0. */
  lookupLimiter?: WindowLimiter;
  /** At most one password hash at a time, a short line (8, none waiting over 2 s), then 503. */
  hashGate: HashGate;
  now: () => Date;
  /** Stops background work and closes the database. */
  close(): void;
}

export interface AppOptions {
  /** Where request log lines go; stdout by default. */
  log?: LogSink;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
}

/** What the service takes from content/: read at start, and again after each live publish. */
export type ContentDeps = Pick<Deps, 'content' | 'schema' | 'resolveCommune'>;

/** The one content loader of the service (throws with the file at fault when content is invalid). */
export function loadContentDeps(contentDir: string): ContentDeps {
  const content = readSiteContent(contentDir);
  return { content, schema: makeRegistrationSchema(content), resolveCommune: communeResolver(content.communes) };
}

export function makeDeps(config: ServiceConfig, options: AppOptions = {}): Deps {
  const now = options.now ?? (() => new Date());
  const loaded = loadContentDeps(config.contentDir);
  const db = openDatabase(config.dataDir);
  const stopCheckpoints = checkpointInBackground(db, config.dataDir);
  const ms = () => now().getTime();
  const consent = keepConsentWording(db, now());
  const registrations = new RegistrationStore(db);
  registrations.refold(); // rows stored before the search column, or renamed by another program
  const audit = new AuditLog(db);
  return {
    config,
    ...loaded,
    db,
    registrations,
    accounts: new AccountStore(db),
    sessions: new SessionStore(db, now),
    audit,
    personalData: new PersonalData(registrations, audit),
    consentVersion: consent,
    postLimiter: config.rateLimit > 0 ? new WindowLimiter(config.rateLimit, 60_000, ms) : undefined,
    signInLimiter: new WindowLimiter(SIGN_IN_FAILURES, SIGN_IN_WINDOW_MS, ms),
    addressSignInLimiter: new WindowLimiter(SIGN_IN_FAILURES_PER_ADDRESS, SIGN_IN_WINDOW_MS, ms),
    lookupLimiter: config.rateLimit > 0 ? new WindowLimiter(LOOKUPS_PER_MINUTE, 60_000, ms) : undefined,
    hashGate: new HashGate(1, 8, 2000),
    now,
    close() {
      stopCheckpoints();
      if (db.isOpen) db.close();
    },
  };
}

/** The consent wording the form shows, stored once under its id so that every id in the registrations stays readable. */
function keepConsentWording(db: DatabaseSync, at: Date): string {
  const wording = [REGISTRATION_FIELDS.consentProcessing.label, REGISTRATION_FIELDS.consentPublishName.label];
  const id = consentVersion(wording);
  db.prepare('INSERT OR IGNORE INTO consent_versions (id, wording, first_seen) VALUES (?, ?, ?)').run(id, wording.join('\n'), toVnIso(at));
  return id;
}

/** The label people read for a round slug ("Đợt 2"), or the next-round label for null. */
export function roundLabel(content: SiteContent, round: string | null): string {
  if (round === null) return NEXT_ROUND_LABEL;
  return content.rounds.find((r) => r.slug === round)?.label ?? round;
}
