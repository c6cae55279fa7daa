/**
 * Cell text made of what matters to the export's cells: delimiters of every reading, quotes,
 * apostrophes, line breaks, formula starts, spaces and letters. Shared by the export's property
 * tests (format: neutralising; csv: the written file read back).
 */
import fc from 'fast-check';

export const trickyCell = fc.string({
  unit: fc.constantFrom(
    ',',
    ';',
    '\t',
    '"',
    "'",
    '\r',
    '\n',
    '=',
    '+',
    '-',
    '@',
    ' ',
    'a',
    'à',
    '1',
  ),
  maxLength: 14,
});
