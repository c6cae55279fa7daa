/**
 * Finds and starts headless Chromium for browser tests: CHROME_PATH, else a
 * system Chromium, else the one inside @sparticuz/chromium. No browser is an
 * error, never a skip.
 *
 * The package's Chromium is unpacked once, by the test run's global setup
 * (tests/support/global-setup.ts), before any worker starts: two workers
 * unpacking it at once made one launch a half-written binary (ETXTBSY). It is
 * unpacked into a cache inside node_modules, not the machine's temporary
 * folder, so `npm ci` starts every clean install from the first-run path and
 * a test run leaves /tmp as it found it. The setup hands the path to workers
 * as CHROME_PATH.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Where the package's Chromium is unpacked (removed with node_modules). */
export const CHROMIUM_CACHE = resolve(
  import.meta.dirname,
  '../../node_modules/.cache/ocop-test-chromium',
);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The package's Chromium, unpacked into CHROMIUM_CACHE when it is not there yet. Call it from one process only. */
async function unpackPackageChromium(): Promise<string> {
  const binary = join(CHROMIUM_CACHE, 'chromium');
  if (existsSync(binary)) return binary;
  const { default: sparticuz } = await import('@sparticuz/chromium');
  mkdirSync(CHROMIUM_CACHE, { recursive: true });
  // The package unpacks into os.tmpdir(), which follows TMPDIR at each call.
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = CHROMIUM_CACHE;
  try {
    return await sparticuz.executablePath();
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
}

/** CHROME_PATH, else a system Chromium, else the package's (unpacked if needed). Throws when there is none. */
export async function findChromium(): Promise<string> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  if (system) return system;
  try {
    return await unpackPackageChromium();
  } catch (err) {
    throw new Error(
      `No Chromium found: set CHROME_PATH, install Debian's chromium, or install @sparticuz/chromium (${(err as Error).message})`,
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await findChromium(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
}
