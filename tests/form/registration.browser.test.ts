// The registration form in a real Chromium against the real service and SQLite: with JavaScript on and off.
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/site-in-browser.ts';
import { addEditor, exportCsv, fillRegistration, RECEIPT } from './helpers.ts';

const contexts: BrowserContext[] = [];
const site = useSiteInBrowser();

async function openForm(javaScriptEnabled = true) {
  const context = await site.browser.newContext({
    javaScriptEnabled,
    viewport: { width: 360, height: 800 },
  });
  contexts.push(context);
  const page = await context.newPage();
  expect((await page.goto(`${site.server.url}/dang-ky/`))?.status()).toBe(200);
  return page;
}

describe('sending a registration', () => {
  const receipts: string[] = [];

  it('with JavaScript on: validated, sent as JSON, receipt shown, draft cleared', async () => {
    const page = await openForm();
    const posts: { contentType: string; body: Record<string, unknown> }[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST')
        posts.push({ contentType: r.headers()['content-type'] ?? '', body: r.postDataJSON() });
    });
    await fillRegistration(page, 'Cà phê bột JS');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/dang-ky\/da-nhan\/\?ma=/);
    const receipt = (await page.textContent('#ma-ho-so'))!.trim();
    expect(receipt).toMatch(RECEIPT);
    expect(page.url()).toContain(`?ma=${receipt}`);
    expect(await page.textContent('#dot')).toBe('Đợt tiếp theo');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.contentType).toContain('application/json');
    expect(posts[0]!.body).toMatchObject({
      productName: 'Cà phê bột JS',
      supportNeeds: ['Bao bì, nhãn mác'],
      consentProcessing: true,
      website: '',
    });
    expect(String(posts[0]!.body.submissionId)).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    receipts.push(receipt);
  });

  it('with JavaScript off: a plain POST, 303 to the confirmation page filled by the service', async () => {
    const page = await openForm(false);
    await fillRegistration(page, 'Cà phê bột không JS');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/registrations')),
      page.click('button[type=submit]'),
    ]);
    expect(response.status()).toBe(303);
    await page.waitForURL(/\/dang-ky\/da-nhan\/\?ma=/);
    const receipt = (await page.textContent('#ma-ho-so'))!.trim();
    expect(receipt).toMatch(RECEIPT);
    expect(await page.textContent('#dot')).toBe('Đợt tiếp theo');
    receipts.push(receipt);
  });

  it('finds both receipts, with what was typed, in the export', async () => {
    expect(receipts).toHaveLength(2);
    addEditor(site.server, 'huyen', 'mat-khau-dai-du');
    const csv = await exportCsv(site.server, 'huyen', 'mat-khau-dai-du');
    for (const r of receipts) expect(csv).toContain(r);
    expect(csv).toContain('Cà phê bột JS');
    expect(csv).toContain('Cà phê bột không JS');
    expect(csv).toContain('0912345678');
  });

  it('with JavaScript off, shows the 422 page with the summary focused and what was typed kept, then sends after the fix', async () => {
    const page = await openForm(false);
    await fillRegistration(page, 'Mật ong rừng');
    await page.fill('#phone', '12345');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/registrations')),
      page.click('button[type=submit]'),
    ]);
    expect(response.status()).toBe(422);
    // The response arrives before the page has loaded and run autofocus: wait for the focus, don't race it.
    await page.waitForLoadState('load');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tom-tat-loi');
    expect(
      await page
        .locator('#tom-tat-loi a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).toEqual(['#phone']);
    expect(await page.inputValue('#productName')).toBe('Mật ong rừng');
    expect(await page.isChecked('input[name=productGroup][value=do-uong]')).toBe(true);
    await page.fill('#phone', '+84 912.345.678');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/dang-ky\/da-nhan\/\?ma=/);
    expect((await page.textContent('#ma-ho-so'))!.trim()).toMatch(RECEIPT);
  });
});
