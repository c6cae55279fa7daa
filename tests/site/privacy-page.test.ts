// The privacy notice in the built site: the editors' text, the retention periods read from content (the ones
// `npm run retention` applies), linked from every page's footer and beside the form's consent boxes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { retentionSchema } from '../../src/domain/retention.ts';
import { DIST, listFiles, requireDist } from '../support/dist.ts';
import { ROOT } from '../support/server.ts';

beforeAll(requireDist);
const page = (path: string) => readFileSync(join(DIST, path), 'utf8');

describe('/bao-ve-du-lieu/', () => {
  it('states the retention periods of content/privacy/retention.json and the law in force', () => {
    const html = page('bao-ve-du-lieu/index.html');
    const periods = retentionSchema.parse(
      JSON.parse(readFileSync(join(ROOT, 'content/privacy/retention.json'), 'utf8')),
    );
    expect(html).toContain(`${periods.notChosenMonths} tháng`);
    expect(html).toContain(`${periods.chosenMonths} tháng`);
    expect(html).toContain(`${periods.backupDays} ngày`);
    expect(html).toContain('91/2025/QH15');
    expect(html).not.toContain('13/2023');
  });

  it('is linked from every page and beside the consent boxes, which are never ticked in advance', () => {
    // The embeddable card (/nhung/) is a fragment for another site's frame, not a page of this one.
    const pages = listFiles(DIST).filter(
      (f) => f.endsWith('.html') && !f.startsWith('admin/') && !f.startsWith('nhung/'),
    );
    expect(pages.length).toBeGreaterThan(5);
    for (const f of pages) expect(page(f), f).toContain('href="/bao-ve-du-lieu/"');
    const form = page('dang-ky/index.html');
    const consent = form.slice(form.indexOf('id="phan-dong-y"'));
    expect(consent.indexOf('href="/bao-ve-du-lieu/"')).toBeLessThan(
      consent.indexOf('name="consentProcessing"'),
    );
    expect(form).not.toMatch(/name="consent\w+"[^>]*checked/);
  });

  it('no built file cites the replaced Nghị định 13/2023', () => {
    for (const f of listFiles(DIST).filter((f) => /\.(html|json|csv|xml)$/.test(f)))
      expect(page(f), f).not.toContain('13/2023');
  });
});
