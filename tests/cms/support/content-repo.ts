/** A temporary git repository holding a copy of content/, for the service's CMS backend to write and commit in. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../support/server.ts';

export function git(repo: string, ...args: string[]): string {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('GIT_')) delete env[k];
  return execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
}

/** A folder laid out like the project (content/ only), committed once by "dev". */
export function contentRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), 'ocop-cms-git-'));
  cpSync(join(ROOT, 'content'), join(repo, 'content'), { recursive: true });
  initRepo(repo);
  return repo;
}

/** git init + one commit of everything, whoever the machine's git user is. */
export function initRepo(repo: string): void {
  git(repo, 'init', '--quiet', '--initial-branch=main');
  git(repo, 'add', '--all');
  commitAsDev(repo, 'start');
}

/**
 * Commits what is staged (with `tracked`, every change to a tracked file) as a developer would,
 * whoever the machine's git user is.
 */
export function commitAsDev(repo: string, message: string, { tracked = false } = {}): void {
  git(
    repo,
    '-c',
    'user.name=dev',
    '-c',
    'user.email=dev@example.invalid',
    '-c',
    'commit.gpgsign=false',
    'commit',
    '--quiet',
    '--no-verify',
    tracked ? '-am' : '-m',
    message,
  );
}
