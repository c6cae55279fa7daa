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
}

const ROOT = resolve(import.meta.dirname, '../..');

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
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
      throw new Error(`CORS_ORIGIN must list origins like https://ocop.example.vn (no path), got "${value}"`);
    }
    return url.origin;
  });
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return {
    port: readInt(env, 'PORT', 4321, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || resolve(ROOT, 'data')),
    distDir: resolve(env.DIST_DIR || resolve(ROOT, 'dist')),
    contentDir: resolve(env.CONTENT_DIR || resolve(ROOT, 'content')),
    // The folder that holds content/: a CONTENT_DIR elsewhere never lets the CMS write into this checkout.
    projectDir: resolve(env.PROJECT_DIR || resolve(env.CONTENT_DIR || resolve(ROOT, 'content'), '..')),
    rateLimit: readInt(env, 'RATE_LIMIT', 20, 0, 1_000_000),
    trustProxy: ['1', 'true', 'yes', 'on'].includes(String(env.TRUST_PROXY ?? '').toLowerCase()),
    corsOrigins: readOrigins(env),
  };
}
