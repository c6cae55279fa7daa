// The export's columns and cells: the formula guard taken off again exactly (restoreCell, and the
// registry's tidy), and a record as the cells the export writes. export/csv.test.ts reads whole
// exports in every reading.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trickyCell } from '../../tests/support/tricky-cells.ts';
import { tidy } from '../registry/row.ts';
import {
  EXPORT_COLUMNS,
  NO,
  OPTIONAL_COLUMNS,
  YES,
  neutraliseCell,
  neutraliseStart,
  recordToCells,
  restoreCell,
} from './format.ts';
import type { RegistrationRecord } from '../domain/registration.ts';

describe('the columns', () => {
  it('name each key once, with one header each; the optional ones come last', () => {
    const keys = EXPORT_COLUMNS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(EXPORT_COLUMNS.map((c) => c.header)).size).toBe(keys.length);
    expect(keys.slice(-OPTIONAL_COLUMNS.size).every((k) => OPTIONAL_COLUMNS.has(k))).toBe(true);
  });
});

describe('the formula guard', () => {
  it('neutraliseStart guards only a formula start', () => {
    expect(['=1', '+84', '-x', '@a', '\tb', '\rc', 'a=1', ' =1', ''].map(neutraliseStart)).toEqual([
      "'=1",
      "'+84",
      "'-x",
      "'@a",
      "'\tb",
      "'\rc",
      'a=1',
      ' =1',
      '',
    ]);
  });
  it('neutraliseCell guards after every delimiter of any reading and line break', () => {
    expect(neutraliseCell('Trà;=1+1;x')).toBe("Trà;'=1+1;x");
    expect(neutraliseCell('a,\' "@b')).toBe("a,'' \"@b");
  });
  it('neutraliseCell and restoreCell undo each other for any text, and the registry reads the guard off as restoreCell does', () => {
    fc.assert(
      fc.property(trickyCell, (value) => {
        expect(restoreCell(neutraliseCell(value))).toBe(value);
        expect(tidy(neutraliseCell(value))).toBe(value.trim());
      }),
      { numRuns: 5000 },
    );
  });
});

describe('recordToCells', () => {
  it('writes every column in order: lists joined, yes/no in Vietnamese, null empty, text guarded', () => {
    const record = {
      receipt: 'ABCD-EFGH',
      reviewedAt: null,
      supportNeeds: ['Bao bì', '=x'],
      consentProcessing: true,
      consentPublishName: false,
      productName: '+84',
    } as unknown as RegistrationRecord;
    const cells = recordToCells(record);
    const cell = (key: string) => cells[EXPORT_COLUMNS.findIndex((c) => c.key === key)];
    expect(cells).toHaveLength(EXPORT_COLUMNS.length);
    expect(cell('receipt')).toBe('ABCD-EFGH');
    expect(cell('reviewedAt')).toBe('');
    expect(cell('supportNeeds')).toBe("Bao bì;' =x");
    expect([cell('consentProcessing'), cell('consentPublishName')]).toEqual([YES, NO]);
    expect(cell('productName')).toBe("'+84");
    expect(cell('email')).toBe('');
  });
});
