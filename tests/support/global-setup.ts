/**
 * Runs once before any test worker starts, and once after the last ends.
 *
 * - Finds the Chromium every browser test uses (unpacking the package's one
 *   if needed) and hands its path to the workers as CHROME_PATH, so workers
 *   never race to unpack it.
 * - Points TMPDIR at a folder of this run: the tests' own files, the
 *   services they start and Playwright's artifact folders all land there.
 *   After the run, anything still in it is a test that did not clean up: the
 *   run names it in a warning, then the folder is removed, so the machine's
 *   temporary folder is left as it was found.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium } from './browser.ts';

/** Node's compile cache (tsc and vite turn it on) is a tool's cache, kept with the other caches, not in the run's folder. */
const COMPILE_CACHE = resolve(import.meta.dirname, '../../node_modules/.cache/node-compile-cache');

export default async function setup(): Promise<() => void> {
  const started = Date.now();
  process.env.CHROME_PATH = await findChromium();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Chromium for browser tests: ${process.env.CHROME_PATH} (found in ${seconds} s)`);

  process.env.NODE_COMPILE_CACHE ??= COMPILE_CACHE;
  const machineTmp = process.env.TMPDIR;
  const runTmp = mkdtempSync(join(tmpdir(), 'ocop-test-run-'));
  process.env.TMPDIR = runTmp;

  return () => {
    if (machineTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = machineTmp;
    // Chromium's own scratch folders (.org.chromium.Chromium.*) can outlive a browser by a moment; they are
    // removed with the run's folder and are not a test's leftovers.
    const left = readdirSync(runTmp).filter((name) => !name.startsWith('.org.chromium.'));
    rmSync(runTmp, { recursive: true, force: true });
    if (left.length > 0) {
      // Named loudly for the developer to fix; not a failure: the folder is removed with the run all the same,
      // and one rare race (a database thread closing as its folder is removed) should not fail a whole run.
      console.error(
        `\nWARNING: tests left files in the temporary folder, removed with the run (each test must remove what it makes): ${left.join(', ')}\n`,
      );
    }
  };
}
