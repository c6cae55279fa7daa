// The headers the registry knows each export column by: every one finds its own column, and none
// is claimed by two columns (matchColumns would then give it to one of them, silently).
import { describe, expect, it } from 'vitest';
import { matchColumns } from '../csv/header.ts';
import { REGISTRATION_FIELDS } from '../domain/registration-fields.ts';
import { EXPORT_COLUMNS } from '../export/format.ts';
import { REGISTRY_COLUMN_NAMES } from './columns.ts';

describe('REGISTRY_COLUMN_NAMES', () => {
  it("knows every export column by the export's header, its key and the form's label", () => {
    for (const { key, header } of EXPORT_COLUMNS) {
      const names = REGISTRY_COLUMN_NAMES.get(key)!;
      expect(names).toContain(header);
      expect(names).toContain(key);
      if (key in REGISTRATION_FIELDS)
        expect(names).toContain(REGISTRATION_FIELDS[key as keyof typeof REGISTRATION_FIELDS].label);
    }
    expect([...REGISTRY_COLUMN_NAMES.keys()]).toEqual(EXPORT_COLUMNS.map((c) => c.key));
  });

  it('gives each name, as people type it (case, spaces), to its own column and no other', () => {
    for (const [key, names] of REGISTRY_COLUMN_NAMES)
      for (const name of names)
        for (const typed of [name, name.toUpperCase(), ` ${name} `])
          expect(matchColumns([typed], REGISTRY_COLUMN_NAMES).keys, typed).toEqual([key]);
  });
});
