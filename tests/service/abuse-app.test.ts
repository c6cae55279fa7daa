// Issue 13's rows that need no concurrency, through app.request(): control characters refused,
// receipt lookups limited per client, what is stored and exported stays as it was.
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, restoreCell } from '../../src/export/format.ts';
import { LOOKUPS_PER_MINUTE } from '../../src/service/deps.ts';
import {
  addEditor,
  basic,
  EDITOR_PASSWORD,
  formBody,
  makeTestApp,
  postForm,
  postJson,
  validBody,
  type TestApp,
} from './helpers.ts';

let t: TestApp;
beforeEach(() => {
  t = makeTestApp({ rateLimit: 20 });
});
afterEach(() => t.close());

describe('control characters', () => {
  it('row 5: refuses a NUL in a support need, and DEL or a line break in a one-line field, in Vietnamese, storing nothing', async () => {
    for (const extra of [
      { supportNeeds: ['\u0000=1+1'] },
      { productName: 'Cà phê\u007f' },
      { producerName: 'HTX\nmới' },
      { address: 'Thôn\u001b1' },
    ]) {
      const res = await postJson(t, validBody(extra));
      expect(res.status).toBe(422);
      const { errors } = (await res.json()) as { errors: { field: string; message: string }[] };
      expect(errors).toEqual([
        { field: Object.keys(extra)[0], message: expect.stringContaining('ký tự điều khiển') },
      ]);
    }
    const form = await postForm(t, formBody(validBody({ representative: 'Nguyễn\u0000Thị Hoà' })));
    expect(form.status).toBe(422);
    expect(await form.text()).toContain('ký tự điều khiển');
    expect(t.app.deps.registrations.list({})).toEqual([]);
  });

  it('keeps line breaks and tabs in the description, where a line break is text', async () => {
    const res = await postJson(t, validBody({ description: 'Dòng 1\r\nDòng 2\tcột' }));
    expect(res.status).toBe(201);
    const { receipt } = (await res.json()) as { receipt: string };
    expect(t.app.deps.registrations.get(receipt)!.description).toBe('Dòng 1\r\nDòng 2\tcột');
  });
});

describe('the export', () => {
  it('row 6: quotes "Trà;=1+1;x" and guards the formula a semicolon reading would find, and reads back the same', async () => {
    await addEditor(t, 'huyen', EDITOR_PASSWORD);
    const res = await postJson(t, validBody({ productName: 'Trà;=1+1;x' }));
    expect(res.status).toBe(201);
    const csv = await (
      await t.request('/api/registrations.csv', { headers: basic('huyen', EDITOR_PASSWORD) })
    ).text();
    expect(csv).toContain(`"Trà;'=1+1;x"`);
    const semicolon = Papa.parse<string[]>(csv.slice(1), {
      delimiter: ';',
      newline: '\r\n',
      skipEmptyLines: true,
    }).data.flat();
    expect(semicolon.filter((cell) => /^\s*[=+\-@]/.test(cell))).toEqual([]);
    const [header, row] = Papa.parse<string[]>(csv.slice(1), {
      newline: '\r\n',
      skipEmptyLines: true,
    }).data;
    expect(
      restoreCell(
        row![header!.indexOf(EXPORT_COLUMNS.find((c) => c.key === 'productName')!.header)]!,
      ),
    ).toBe('Trà;=1+1;x');
  });
});

describe('receipt lookups', () => {
  it(`row 9: answers ${LOOKUPS_PER_MINUTE} lookups a minute from one client, then 429 with Retry-After, then again after the minute`, async () => {
    const { receipt } = (await (await postJson(t, validBody())).json()) as { receipt: string };
    const statuses: number[] = [];
    for (let i = 0; i < LOOKUPS_PER_MINUTE; i++)
      statuses.push(
        (await t.request(i % 2 ? '/api/registrations/AAAA-AAAA' : `/api/registrations/${receipt}`))
          .status,
      );
    expect(new Set(statuses)).toEqual(new Set([200, 404]));
    const limited = await t.request(`/api/registrations/${receipt}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await t.request(`/dang-ky/da-nhan/?ma=${receipt}`)).status).toBe(429);
    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    expect((await t.request(`/api/registrations/${receipt}`)).status).toBe(200);
  });
});
