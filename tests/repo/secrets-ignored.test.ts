// Secrets and data files are never committed: .gitignore covers them and none is tracked.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/server.ts';

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });

const MUST_BE_IGNORED = [
  'data/ocop.sqlite',
  'data/ocop.sqlite-wal',
  'backup/ocop.sqlite',
  'x.db',
  '.env',
  '.env.production',
  'dist/index.html',
  'node_modules/x/index.js',
  'src/generated/registry/bao-cao.json',
];

describe('the repository', () => {
  it.each(MUST_BE_IGNORED)('ignores %s', (path) => {
    expect(git('check-ignore', '--no-index', path).trim()).toBe(path);
  });

  it('tracks no database, environment file, build output or report', () => {
    const tracked = git('ls-files').split('\n').filter(Boolean);
    const bad = tracked.filter((f) =>
      /(^|\/)(data|dist|node_modules)\/|\.(sqlite|db)(-wal|-shm)?$|(^|\/)\.env(\.|$)|bao-cao\.json$/.test(
        f,
      ),
    );
    expect(bad).toEqual([]);
  });
});
