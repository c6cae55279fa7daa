/** `git pull --ff-only` in the content folder's repository, for the webhook; never asks for a password. */
import { execFile } from 'node:child_process';

export function gitPull(cwd: string): Promise<{ ok: boolean; output: string }> {
  return new Promise((done) => {
    execFile(
      'git',
      ['pull', '--ff-only', '--quiet'],
      {
        cwd,
        timeout: 120_000,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
        maxBuffer: 1024 * 1024,
      },
      (err, stdout, stderr) =>
        done({ ok: !err, output: `${stdout}${stderr}${err ? `\n${err.message}` : ''}` }),
    );
  });
}
