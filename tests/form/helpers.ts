/** Shared steps of the form's browser tests: filling the form as a producer would, and reading the export. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, type RunningServer } from '../support/server.ts';

export const RECEIPT = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

/** Fills every required field and a few optional ones; works with JavaScript on or off. */
export async function fillRegistration(page: Page, productName: string): Promise<void> {
  await page.fill('#producerName', 'Hợp tác xã Nông nghiệp Quảng Sơn');
  await page.check('input[name=producerType][value=hop-tac-xa]');
  await page.fill('#representative', 'Nguyễn Thị Hoà');
  await page.fill('#phone', '0912 345 678');
  await page.selectOption('#commune', 'quang-son');
  await page.fill('#address', 'Thôn 3');
  await page.fill('#productName', productName);
  await page.check('input[name=productGroup][value=do-uong]');
  await page.check('input[name=productStage][value=da-co]');
  await page.check('input[name=supportNeeds][value="Bao bì, nhãn mác"]');
  await page.check('#consentProcessing');
}

/** Creates an editor account with the project's own CLI, against the server's DATA_DIR. */
export function addEditor(server: RunningServer, name: string, password: string): void {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts/editor.ts'), 'add', name, '--password-stdin'],
    {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: server.config.dataDir },
      input: `${password}\n`,
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`editor add failed: ${run.stderr}`);
}

/** The export CSV as text, read with HTTP Basic. */
export async function exportCsv(
  server: RunningServer,
  name: string,
  password: string,
): Promise<string> {
  const response = await fetch(`${server.url}/api/registrations.csv`, {
    headers: { Authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}` },
  });
  if (response.status !== 200) throw new Error(`export answered ${response.status}`);
  return response.text();
}
