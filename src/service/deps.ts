/** What every route module is given: settings, content, the schema and the stores. Built once by createApp. */
import type { DatabaseSync } from 'node:sqlite';
import { communeResolver } from '../domain/commune.ts';
import { NEXT_ROUND_LABEL } from '../domain/round.ts';
import { makeRegistrationSchema, type RegistrationSchema } from '../domain/registration.ts';
import { readSiteContent, type SiteContent } from '../lib/content-files.ts';
import { AccountStore } from './accounts.ts';
import type { ServiceConfig } from './config.ts';
import { checkpointInBackground, openDatabase } from './db.ts';
import type { LogSink } from './log.ts';
import { WindowLimiter } from './rate-limit.ts';
import { SessionStore } from './session.ts';
import { RegistrationStore } from './store.ts';

/** Failed sign-ins allowed per account and address within SIGN_IN_WINDOW_MS. */
export const SIGN_IN_FAILURES = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

export interface Deps {
  config: ServiceConfig;
  content: SiteContent;
  schema: RegistrationSchema;
  resolveCommune: (value: string) => { slug: string; name: string } | undefined;
  db: DatabaseSync;
  registrations: RegistrationStore;
  accounts: AccountStore;
  sessions: SessionStore;
  /** Registrations per client per minute; undefined when RATE_LIMIT=0. */
  postLimiter?: WindowLimiter;
  /** Failed sign-ins per account + address. */
  signInLimiter: WindowLimiter;
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

export function makeDeps(config: ServiceConfig, options: AppOptions = {}): Deps {
  const now = options.now ?? (() => new Date());
  const content = readSiteContent(config.contentDir);
  const db = openDatabase(config.dataDir);
  const stopCheckpoints = checkpointInBackground(db, config.dataDir);
  const ms = () => now().getTime();
  return {
    config,
    content,
    schema: makeRegistrationSchema({ ...content, communes: content.campaign.communes, unitWord: content.campaign.unitWord }),
    resolveCommune: communeResolver(content.communes),
    db,
    registrations: new RegistrationStore(db),
    accounts: new AccountStore(db),
    sessions: new SessionStore(db, now),
    postLimiter: config.rateLimit > 0 ? new WindowLimiter(config.rateLimit, 60_000, ms) : undefined,
    signInLimiter: new WindowLimiter(SIGN_IN_FAILURES, SIGN_IN_WINDOW_MS, ms),
    now,
    close() {
      stopCheckpoints();
      if (db.isOpen) db.close();
    },
  };
}

/** The label people read for a round slug ("Đợt 2"), or the next-round label for null. */
export function roundLabel(content: SiteContent, round: string | null): string {
  if (round === null) return NEXT_ROUND_LABEL;
  return content.rounds.find((r) => r.slug === round)?.label ?? round;
}
