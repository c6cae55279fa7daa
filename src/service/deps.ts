/** What every route module is given: settings, content, the schema and the stores. Built once by createApp. */
import type { DatabaseSync } from 'node:sqlite';
import { communeResolver } from '../domain/commune.ts';
import { consentText } from '../domain/authority.ts';
import { consentVersion } from '../domain/consent.ts';
import { toVnIso } from '../domain/time.ts';
import { NEXT_ROUND_LABEL } from '../domain/round.ts';
import { makeRegistrationSchema, type RegistrationSchema } from '../domain/registration.ts';
import { readSiteContent, type SiteContent } from '../domain/content-files-node.ts';
import { AccountStore } from './storage/accounts.ts';
import { AuditLog } from './storage/audit.ts';
import { DossierStore } from './storage/dossier.ts';
import { PersonalData } from './storage/personal-data.ts';
import type { ServiceConfig } from './config.ts';
import { checkpointInBackground, openDatabase } from './storage/db.ts';
import type { LogSink } from './http/log.ts';
import { HashGate } from './http/hash-gate.ts';
import { WindowLimiter } from './http/rate-limit.ts';
import { SessionStore } from './http/session.ts';
import { RegistrationStore } from './storage/store.ts';

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
  /** The dossier checklist's marks. */
  dossier: DossierStore;
  /** Withdrawal of publish consent and erasure, each logged. */
  personalData: PersonalData;
  /** The consent wording the form shows now and its id (reloaded with content). */
  consent: { id: string; wording: string };
  /** The id of the consent wording shown now, its wording kept in consent_versions. */
  consentVersion(): string;
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
  /** Stops background work and closes the database; settles when the checkpoint thread has closed too. */
  close(): Promise<void>;
}

export interface AppOptions {
  /** Where request log lines go; stdout by default. */
  log?: LogSink;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
}

/** What the service takes from content/: read at start, and again after each live publish. */
export type ContentDeps = Pick<Deps, 'content' | 'schema' | 'resolveCommune' | 'consent'>;

/** The one content loader of the service (throws with the file at fault when content is invalid). */
export function loadContentDeps(contentDir: string): ContentDeps {
  const content = readSiteContent(contentDir);
  // New registrations: the current campaign's units and unit word (old ones keep resolving through content.communes).
  return {
    content,
    schema: makeRegistrationSchema({
      ...content,
      communes: content.campaign.communes,
      unitWord: content.campaign.unitWord,
    }),
    resolveCommune: communeResolver(content.communes),
    consent: consentShown(content),
  };
}

export function makeDeps(config: ServiceConfig, options: AppOptions = {}): Deps {
  const now = options.now ?? (() => new Date());
  const loaded = loadContentDeps(config.contentDir);
  const db = openDatabase(config.dataDir);
  const stopCheckpoints = checkpointInBackground(db, config.dataDir);
  const ms = () => now().getTime();
  const keptWordings = new Set<string>();
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
    dossier: new DossierStore(db),
    personalData: new PersonalData(registrations, audit),
    consentVersion() {
      // Stored the first time it is used, so an id in a registration always has its wording in the database.
      const { id, wording } = this.consent;
      if (!keptWordings.has(id)) {
        db.prepare(
          'INSERT OR IGNORE INTO consent_versions (id, wording, first_seen) VALUES (?, ?, ?)',
        ).run(id, wording, toVnIso(now()));
        keptWordings.add(id);
      }
      return id;
    },
    postLimiter: config.rateLimit > 0 ? new WindowLimiter(config.rateLimit, 60_000, ms) : undefined,
    signInLimiter: new WindowLimiter(SIGN_IN_FAILURES, SIGN_IN_WINDOW_MS, ms),
    addressSignInLimiter: new WindowLimiter(SIGN_IN_FAILURES_PER_ADDRESS, SIGN_IN_WINDOW_MS, ms),
    lookupLimiter:
      config.rateLimit > 0 ? new WindowLimiter(LOOKUPS_PER_MINUTE, 60_000, ms) : undefined,
    hashGate: new HashGate(1, 8, 2000),
    now,
    close() {
      const stopped = stopCheckpoints();
      if (db.isOpen) db.close();
      return stopped;
    },
  };
}

/** The consent wording the form shows (content/authority/, the controller's name put in) and its id (consent.ts). */
function consentShown(content: SiteContent): { id: string; wording: string } {
  const { authority } = content;
  const wording = [
    consentText(authority, authority.consent.processing),
    consentText(authority, authority.consent.publishName),
  ];
  return { id: consentVersion(wording), wording: wording.join('\n') };
}

/** The label people read for a round slug ("Đợt 2"), or the next-round label for null. */
export function roundLabel(content: SiteContent, round: string | null): string {
  if (round === null) return NEXT_ROUND_LABEL;
  return content.rounds.find((r) => r.slug === round)?.label ?? round;
}
