// A save through the service's CMS backend, end to end with the real service process and live
// publishing: the file changes, the commit is the editor's, and the home page shows the new date
// after the rebuild, without a restart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { requireDist } from '../support/dist.ts';
import {
  EDITOR,
  git,
  signIn,
  startPublishingService,
  waitFor,
  type PublishingService,
} from '../publish/support.ts';

let svc: PublishingService;

beforeAll(async () => {
  requireDist();
  svc = await startPublishingService();
}, 120_000);

afterAll(async () => {
  await svc?.stop();
});

it(
  'a deadline saved through /api/cms/v1 is committed as the editor and is on the home page after the rebuild',
  { timeout: 300_000 },
  async () => {
    const path = 'content/rounds/2024-dot-2.json';
    const round = JSON.parse(readFileSync(join(svc.repo, path), 'utf8'));
    expect(await (await fetch(`${svc.url}/`)).text()).not.toContain('trước ngày 15/7/2024');
    const res = await fetch(`${svc.url}/api/cms/v1`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: await signIn(svc.url),
        Origin: svc.url,
      },
      body: JSON.stringify({
        action: 'persistEntry',
        params: {
          branch: 'main',
          dataFiles: [
            {
              slug: '2024-dot-2',
              path,
              raw: JSON.stringify(
                {
                  ...round,
                  deadline: '2024-07-15T00:00:00+07:00',
                  deadlineText: 'trước ngày 15/7/2024',
                },
                null,
                2,
              ),
            },
          ],
          assets: [],
          options: { commitMessage: 'Update' },
        },
      }),
    });
    expect(res.status).toBe(200);
    // content/ is a checkout of its own here (the webhook's layout): the commit is in it.
    expect(git(svc.content, 'log', '-1', '--format=%an %s')).toBe(
      `${EDITOR.name} Nội dung: sửa content/rounds/2024-dot-2.json`,
    );
    expect(git(svc.content, 'status', '--porcelain')).toBe('');
    await waitFor('the new deadline on the home page', async () =>
      (await (await fetch(`${svc.url}/`)).text()).includes('trước ngày 15/7/2024'),
    );
  },
);
