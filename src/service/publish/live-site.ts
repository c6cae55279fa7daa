/**
 * The folder the site is served from, behind one indirection: the static handler asks for it
 * once per request, so a swap is one assignment — no request sees half of one build and half of
 * another, and requests in flight finish on the folder they started with (it is kept until the
 * next swap). At start dist/ is live.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

export class LiveSite {
  private current: string;

  constructor(first: string) {
    this.current = first;
  }

  get dir(): string {
    return this.current;
  }

  /** Makes `dir` live; returns the folder that was. */
  swap(dir: string): string {
    const previous = this.current;
    this.current = dir;
    return previous;
  }
}

const builtAt = (dir: string): number =>
  statSync(join(dir, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? -1;

/**
 * Removes every build but the ones named (the live one and the one before it), and stale work
 * folders — in the background: a national build is thousands of files, and deleting them on the
 * event loop held every request for seconds.
 */
export function cleanBuilds(
  buildsDir: string,
  keep: readonly string[],
  log: (line: string) => void = console.error,
): void {
  if (!existsSync(buildsDir)) return;
  for (const name of readdirSync(buildsDir)) {
    const dir = join(buildsDir, name);
    if (keep.includes(dir)) continue;
    // Work folders of a build still running are left alone; only those of a dead process go.
    const pid = /^\.(?:tmp|registry)-[^-]+-(\d+)-/.exec(name)?.[1];
    if (pid && Number(pid) === process.pid) continue;
    rm(dir, { recursive: true, force: true }).catch((err: Error) =>
      log(`publish: cannot remove ${dir}: ${err.message}`),
    );
  }
}

/** The newest file time under content/ (to see, at start, whether it changed since the live build). */
export function newestChange(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    if (!stat) continue;
    newest = Math.max(newest, stat.isDirectory() ? newestChange(join(dir, name)) : stat.mtimeMs);
  }
  return newest;
}

export { builtAt };
