/** The service's settings, read from the environment once, each value checked as it is read. */
import { resolve } from 'node:path';

export interface ServiceConfig {
  port: number;
  host: string;
  /** Holds the SQLite database; created when missing. */
  dataDir: string;
  /** The built static site served beside the API. */
  distDir: string;
  /** content/ (communes, rounds, value sets). */
  contentDir: string;
  /** The project's git working tree the CMS writes content/ to and commits in (PROJECT_DIR; by default the folder holding CONTENT_DIR). */
  projectDir: string;
  /** Registrations per minute from one client; 0 turns the limit off. */
  rateLimit: number;
  /** Take the client address from X-Forwarded-For (only behind a reverse proxy). */
  trustProxy: boolean;
  /** Origins of a separately hosted static site allowed to call the registration API from the browser (CORS). */
  corsOrigins: string[];
  /** SMTP_URL: smtp:// or smtps://, user and password in the URL; null: no e-mail. */
  smtpUrl: string | null;
  /** MAIL_FROM: the digest's sender. */
  mailFrom: string;
  /** DIGEST_EVERY: minutes between an editor's digests; 0 turns the service's digests off. */
  digestEveryMinutes: number;
  /** SITE_URL: the public address, for links in e-mail; null: http://HOST:PORT. */
  siteUrl: string | null;
}

const ROOT = resolve(import.meta.dirname, '../..');

function readInt(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** CORS_ORIGIN: comma-separated origins such as "https://ocop.example.gov.vn". */
function readOrigins(env: NodeJS.ProcessEnv): string[] {
  const raw = env.CORS_ORIGIN?.trim();
  if (!raw) return [];
  return raw.split(',').map((item) => {
    const value = item.trim();
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      /* reported below */
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, '')) {
      throw new Error(
        `CORS_ORIGIN must list origins like https://ocop.example.vn (no path), got "${value}"`,
      );
    }
    return url.origin;
  });
}

function readSmtpUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return null;
  if (!URL.canParse(raw) || !/^smtps?:$/.test(new URL(raw).protocol))
    throw new Error(
      'SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465',
    );
  return raw;
}

/** Minutes; decimals allowed (tests use seconds). */
function readMinutes(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 60 * 24 * 31)
    throw new Error(`${name} must be a number of minutes from 0 to 44640, got "${raw}"`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return {
    port: readInt(env, 'PORT', 4321, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || resolve(ROOT, 'data')),
    distDir: resolve(env.DIST_DIR || resolve(ROOT, 'dist')),
    contentDir: resolve(env.CONTENT_DIR || resolve(ROOT, 'content')),
    // The folder that holds content/: a CONTENT_DIR elsewhere never lets the CMS write into this checkout.
    projectDir: resolve(
      env.PROJECT_DIR || resolve(env.CONTENT_DIR || resolve(ROOT, 'content'), '..'),
    ),
    rateLimit: readInt(env, 'RATE_LIMIT', 20, 0, 1_000_000),
    trustProxy: ['1', 'true', 'yes', 'on'].includes(String(env.TRUST_PROXY ?? '').toLowerCase()),
    corsOrigins: readOrigins(env),
    smtpUrl: readSmtpUrl(env),
    mailFrom: env.MAIL_FROM?.trim() || 'ocop@localhost',
    digestEveryMinutes: readMinutes(env, 'DIGEST_EVERY', 60),
    siteUrl: env.SITE_URL?.trim() || null,
  };
}
