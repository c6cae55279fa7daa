/**
 * The history of every CMS change: each save is committed to the project's git
 * repository with the editor's account as author. git runs through execFile
 * (no shell, arguments as given) and one change at a time: writes and commits
 * of two editors never interleave, so each commit holds exactly its own files.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** git's environment: the caller's, minus anything that would point git at another repository or index. */
function gitEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('GIT_')) delete env[k];
  // Literal pathspecs: a file named "*.csv" names that file, never every CSV beside it.
  return { ...env, GIT_TERMINAL_PROMPT: '0', GIT_LITERAL_PATHSPECS: '1' };
}

/**
 * Where git runs: in content/, with paths relative to it. That finds the project's repository
 * when content/ is a folder of it, and content/'s own when it is a checkout of its own (the
 * layout a Git-hosted CMS with the content webhook uses).
 */
export const gitHome = (projectDir: string) => join(projectDir, 'content');
/** A project path ("content/rounds/a.json") as git in content/ names it ("rounds/a.json"). */
export const inContent = (path: string) =>
  path.startsWith('content/') ? path.slice('content/'.length) : `../${path}`;

export async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env: gitEnv(), maxBuffer: 4 * 1024 * 1024 });
  return stdout;
}

/** Whether the folder is the top of a git working tree. */
export async function isRepository(cwd: string): Promise<boolean> {
  try {
    return (await git(cwd, ['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch {
    return false;
  }
}

/** An e-mail-shaped identity for an account name (git needs one); never a real address. */
export function authorEmail(account: string): string {
  return `${account.toLowerCase().replace(/[^a-z0-9._-]+/g, '-') || 'bien-tap'}@cms.invalid`;
}

/**
 * Stages exactly these paths (additions, changes and removals) and commits them
 * as the account. Returns false when nothing changed (no commit made).
 */
export async function commitPaths(
  cwd: string,
  paths: string[],
  account: string,
  message: string,
): Promise<boolean> {
  await git(cwd, ['add', '--all', '--', ...paths]);
  try {
    await git(cwd, ['diff', '--cached', '--quiet', '--', ...paths]);
    return false; // the same text saved again: nothing to record
  } catch {
    /* differences staged: commit them */
  }
  const who = [
    '-c',
    `user.name=${account}`,
    '-c',
    `user.email=${authorEmail(account)}`,
    '-c',
    'commit.gpgsign=false',
  ];
  // --no-verify: a developer's hooks (tests, linters) are not for a save from the CMS.
  await git(cwd, [...who, 'commit', '--no-verify', '--quiet', '-m', message, '--', ...paths]);
  return true;
}

/** Runs tasks one after another, in the order they were queued. */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

export interface ContentChange {
  hash: string;
  author: string;
  at: string;
  subject: string;
  files: string[];
}

/** The last commits that touched content/, newest first; file names as the project names them. */
export async function recentChanges(cwd: string, limit = 30): Promise<ContentChange[]> {
  const out = await git(gitHome(cwd), [
    'log',
    `-n${limit}`,
    '--no-color',
    '--name-only',
    '--relative',
    '--format=%x1e%H%x1f%an%x1f%aI%x1f%s',
    '--',
    '.',
  ]);
  return out
    .split('\x1e')
    .filter((block) => block.trim())
    .map((block) => {
      const [head, ...rest] = block.split('\n');
      const [hash = '', author = '', at = '', subject = ''] = head!.split('\x1f');
      return {
        hash,
        author,
        at,
        subject,
        files: rest
          .map((l) => l.trim())
          .filter(Boolean)
          .map((f) => `content/${f}`),
      };
    });
}
