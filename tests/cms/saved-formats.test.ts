// Values as the CMS writes them (dayjs with each datetime field's format, "" for a cleared
// optional field), passed through our preSave rules, validate against the domain schemas.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { applySaveRules, toVnIso as adminToVnIso } from '../../src/cms/admin/save-rules.js';
import { cmsCollections } from '../../src/cms/config.ts';
import { collectionFields, type CmsField, type FolderCollection } from '../../src/cms/fields.ts';
import { saveRules } from '../../src/cms/save-rules-data.ts';
import { roundSchema } from '../../src/domain/round.ts';
import { toVnIso } from '../../src/domain/time.ts';
import { ROOT } from '../support/server.ts';
import { SCHEMAS } from './support/schemas.ts';

// The datetime widget's own library (decap-cms-app depends on it), with the plugin it loads.
dayjs.extend(customParseFormat);
const rules = saveRules(cmsCollections);
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

/** What Decap's datetime widget writes for a value picked in the browser: dayjs(input).format(field.format). */
function widgetSaves(field: CmsField, value: string): string {
  return dayjs(value).format(field.format);
}

/** An entry as the CMS serialises it: keys in field order, datetimes reformatted, then our preSave rules. */
function asCmsSaves(collection: string, fields: CmsField[], data: Record<string, unknown>) {
  const entry: Record<string, unknown> = {};
  for (const f of fields) {
    if (!(f.name in data)) continue;
    entry[f.name] =
      f.widget === 'datetime' && typeof data[f.name] === 'string'
        ? widgetSaves(f, data[f.name] as string)
        : data[f.name];
  }
  return JSON.parse(JSON.stringify(applySaveRules(rules, collection, entry)));
}

const jsonCollections = cmsCollections.filter(
  (c): c is FolderCollection => 'folder' in c && c.format === 'json',
);

describe.each(['Asia/Ho_Chi_Minh', 'UTC', 'America/New_York'])('browser in %s', (tz) => {
  for (const c of jsonCollections) {
    test(`${c.name}: every file of content/, saved by the CMS, still validates and keeps its instants`, () => {
      process.env.TZ = tz;
      const dir = join(ROOT, c.folder);
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const original = JSON.parse(readFileSync(join(dir, name), 'utf8'));
        const saved = asCmsSaves(c.name, collectionFields(c), original);
        expect(SCHEMAS[c.name]!.safeParse(saved).error, `${c.folder}/${name}`).toBeUndefined();
        expect(saved, `${c.folder}/${name}`).toEqual(original);
      }
    });
  }
});

describe('what the raw widgets would write without our rules', () => {
  test('a browser outside Việt Nam writes another offset; the rule restores +07:00 for the same instant', () => {
    process.env.TZ = 'UTC';
    const deadline = collectionFields(cmsCollections.find((c) => c.name === 'rounds')!).find(
      (f) => f.name === 'deadline',
    )!;
    const raw = widgetSaves(deadline, '2024-06-25T00:00:00+07:00');
    expect(raw).toBe('2024-06-24T17:00:00+00:00');
    expect(applySaveRules(rules, 'rounds', { deadline: raw }).deadline).toBe(
      '2024-06-25T00:00:00+07:00',
    );
  });

  test('cleared optional fields ("") fail the schemas, and are removed before saving', () => {
    const contact = JSON.parse(
      readFileSync(join(ROOT, 'content/contact/phong-nong-nghiep.json'), 'utf8'),
    );
    const cleared = { ...contact, hours: '', email: '' };
    expect(SCHEMAS.contact!.safeParse(cleared).success).toBe(false);
    expect(SCHEMAS.contact!.parse(applySaveRules(rules, 'contact', cleared))).toEqual(contact);
    const round = JSON.parse(readFileSync(join(ROOT, 'content/rounds/2024-dot-1.json'), 'utf8'));
    expect(SCHEMAS.rounds!.safeParse({ ...round, opensAt: '' }).success).toBe(false);
    expect(
      roundSchema.parse(applySaveRules(rules, 'rounds', { ...round, opensAt: '' })).opensAt,
    ).toBeUndefined();
  });

  test("the notice's date, in the widget's YYYY-MM-DD, validates", () => {
    const date = collectionFields(cmsCollections.find((c) => c.name === 'notices')!).find(
      (f) => f.name === 'date',
    )!;
    expect(widgetSaves(date, '2024-03-01')).toBe('2024-03-01');
    const parsed = SCHEMAS.notices!.safeParse({
      title: 't',
      description: 'd',
      issuer: 'i',
      symbol: 's',
      place: 'p',
      dateText: 'x',
      date: '2024-03-01',
      subject: 's',
      recipients: ['r'],
      signature: { title: 't', name: 'n' },
    });
    expect(parsed.success).toBe(true);
  });
});

test('the admin page converts to +07:00 exactly as the domain does', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
      (d) => {
        expect(adminToVnIso(d.toISOString())).toBe(
          toVnIso(new Date(Math.floor(d.getTime() / 1000) * 1000)),
        );
      },
    ),
  );
});
