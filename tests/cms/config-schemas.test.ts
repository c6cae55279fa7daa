// The CMS configuration against the domain schemas: every CMS field is a schema field,
// every required schema field is in the CMS, and widget kinds and patterns agree.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { buildCmsConfig, cmsCollections, contentPathOf } from '../../src/cms/config.ts';
import type { CmsField } from '../../src/cms/fields.ts';
import { collectionFields } from '../../src/cms/fields.ts';
import { roundSchema } from '../../src/domain/round.ts';
import { ROOT } from '../support/server.ts';
import { SCHEMAS } from './support/schemas.ts';

type JsonSchema = {
  type?: string;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  pattern?: string;
  format?: string;
};

const jsonSchema = (s: z.ZodType) =>
  z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** The JSON Schema types a widget can produce. */
const WIDGET_TYPES: Record<CmsField['widget'], (string | undefined)[]> = {
  string: ['string'],
  text: ['string'],
  markdown: ['string'],
  relation: ['string'],
  file: ['string'],
  hidden: ['string'],
  // The notice's date is z.coerce.date(), which has no JSON Schema type.
  datetime: ['string', undefined],
  number: ['integer', 'number'],
  list: ['array'],
  object: ['object'],
  boolean: ['boolean'],
};

/** Checks fields against an object schema, recursing into objects and lists of objects. */
function compare(fields: CmsField[], schema: JsonSchema, where: string): string[] {
  const problems: string[] = [];
  const props = schema.properties ?? {};
  for (const f of fields) {
    const at = `${where}.${f.name}`;
    // The MDX body is the file's content, not a front-matter field.
    if (f.widget === 'markdown' && f.name === 'body') continue;
    const prop = props[f.name];
    if (!prop) {
      problems.push(`${at}: no such schema field`);
      continue;
    }
    const types = prop.anyOf ? prop.anyOf.map((p) => p.type) : [prop.type];
    const produces = f.widget === 'relation' && f.multiple ? ['array'] : WIDGET_TYPES[f.widget];
    if (!types.every((t) => produces.includes(t)))
      problems.push(`${at}: widget ${f.widget} cannot produce ${types.join(' | ')}`);
    if (f.widget === 'number' && prop.type === 'integer' && f.value_type !== 'int')
      problems.push(`${at}: integer field needs value_type int`);
    const cmsRequired = f.required !== false;
    const schemaRequired = (schema.required ?? []).includes(f.name);
    if (cmsRequired !== schemaRequired)
      problems.push(`${at}: required in CMS ${cmsRequired}, in schema ${schemaRequired}`);
    // Decap checks a file widget's pattern against the file name only; the schema checks the whole path.
    const patternAgrees =
      f.widget === 'file'
        ? !!f.pattern && prop.pattern?.endsWith(f.pattern[0])
        : f.pattern?.[0] === prop.pattern;
    if (prop.pattern && prop.format !== 'date-time' && !patternAgrees)
      problems.push(`${at}: pattern ${f.pattern?.[0]} differs from schema ${prop.pattern}`);
    if (prop.format === 'date-time' && f.widget !== 'datetime')
      problems.push(`${at}: an instant needs the datetime widget`);
    if (f.widget === 'object') problems.push(...compare(f.fields ?? [], prop, at));
    if (f.widget === 'list' && f.fields)
      problems.push(...compare(f.fields, prop.items ?? {}, `${at}[]`));
    if (f.widget === 'list' && f.field && prop.items?.type !== 'string')
      problems.push(`${at}: a list of texts needs an array of strings`);
  }
  for (const name of schema.required ?? []) {
    if (!fields.some((f) => f.name === name))
      problems.push(`${where}.${name}: required by the schema, missing in the CMS`);
  }
  return problems;
}

describe('CMS configuration against the domain schemas', () => {
  for (const c of cmsCollections) {
    test(`${c.name}: fields, required fields, widgets and patterns agree with the schema`, () => {
      const schema = SCHEMAS[c.name];
      expect(schema, `no schema for collection ${c.name}`).toBeDefined();
      expect(compare(collectionFields(c), jsonSchema(schema!), c.name)).toEqual([]);
    });
  }

  test('the check itself catches a missing required field and a stray field', () => {
    const fields = collectionFields(cmsCollections.find((c) => c.name === 'rounds')!);
    const broken = [
      ...fields.filter((f) => f.name !== 'deadline'),
      { name: 'deadlne', label: 'x', widget: 'string', hint: 'x' } as CmsField,
    ];
    expect(compare(broken, jsonSchema(roundSchema), 'rounds')).toEqual([
      'rounds.deadlne: no such schema field',
      'rounds.deadline: required by the schema, missing in the CMS',
    ]);
  });

  test('every folder of content/ is edited by a collection (registrations/ through uploads)', () => {
    const folders = readdirSync(join(ROOT, 'content')).filter((f) =>
      statSync(join(ROOT, 'content', f)).isDirectory(),
    );
    const config = buildCmsConfig({ proxyPort: 8081, backend: { name: 'proxy', proxy_url: 'x' } });
    const edited = new Set([
      ...cmsCollections.map((c) => contentPathOf(c).split('/')[1]),
      config.media_folder.split('/')[1],
    ]);
    expect(folders.filter((f) => !edited.has(f))).toEqual([]);
    for (const c of cmsCollections)
      expect(existsSync(join(ROOT, contentPathOf(c))), contentPathOf(c)).toBe(true);
  });

  test('every field has a Vietnamese label and hint', () => {
    const all = (fields: CmsField[]): CmsField[] =>
      fields.flatMap((f) => [f, ...all(f.fields ?? [])]);
    for (const c of cmsCollections) {
      for (const f of all(collectionFields(c))) {
        expect(f.label.length, `${c.name}.${f.name} label`).toBeGreaterThan(1);
        expect(f.hint.length, `${c.name}.${f.name} hint`).toBeGreaterThan(5);
        expect(f.hint.normalize('NFC')).toBe(f.hint);
      }
      expect(c.description.length, `${c.name} description`).toBeGreaterThan(10);
    }
  });
});
