/**
 * The authority is content: no name of a place or office that content/ gives (the authority, its
 * area and province, the receiving office, the units) appears in src/, with or without diacritics.
 * Unit tests beside their module read content/ for such names instead of writing them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteContent } from '../../src/domain/content-files-node.ts';

const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
/** Words that name a level of government, not a place: "huyện Đắk Glong" → "Đắk Glong". */
const LEVELS =
  /^(ủy ban nhân dân|ubnd|tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn|thôn|bon|buôn|bản|ocop)\s+/iu;

/** Text folded for comparison: no diacritics, đ → d, lower case, runs of spaces, dashes and apostrophes as one space. */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/['’\s_-]+/g, ' ');

function placeNames(contentDir?: string): string[] {
  const { authority, contact, communes } = readSiteContent(contentDir);
  const strip = (s: string) => {
    let out = s.trim();
    while (LEVELS.test(out)) out = out.replace(LEVELS, '');
    return out;
  };
  const names = [
    authority.name,
    authority.shortName,
    authority.parent,
    authority.area,
    authority.province,
    authority.titleSuffix,
    authority.brand,
    contact.office,
    ...communes.flatMap((c) => [c.name, ...c.aliases]),
  ]
    .map(strip)
    .filter((n) => n.length >= 4);
  // Each name as written (folded) and run together as in host names and repositories ("dakglong").
  return [...new Set(names.flatMap((n) => [fold(n), fold(n).replace(/[^a-z0-9]/g, '')]))];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    // Unit tests beside a module exercise the 2024 content set on purpose (commune spellings, exports).
    return /\.(ts|astro|js|mjs|css|json|md)$/.test(name) && !name.endsWith('.test.ts')
      ? [path]
      : [];
  });
}

/** Where each name occurs in the texts, as "where: name". */
function occurrences(
  names: readonly string[],
  texts: readonly { where: string; text: string }[],
): string[] {
  const hits: string[] = [];
  for (const { where, text } of texts) {
    const folded = fold(text);
    for (const name of names)
      if (
        new RegExp(`(^|[^a-z0-9])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`).test(
          folded,
        )
      )
        hits.push(`${where}: ${name}`);
  }
  return hits;
}
const read = (files: string[]) =>
  files.map((file) => ({ where: relative(ROOT, file), text: readFileSync(file, 'utf8') }));

describe('no place or office name in src/', () => {
  const names = placeNames();

  it('finds the names content/ gives (the check has something to look for)', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
    expect(names).toContain(fold(readSiteContent().communes[0]!.name));
  });

  it('no file under src/ writes one of them, with or without diacritics', () => {
    expect(occurrences(names, read(sourceFiles(SRC)))).toEqual([]);
  });

  it('the check catches a name written with other case, without diacritics or with dashes, and not inside a word', () => {
    const name = readSiteContent().communes[0]!.name;
    const plain = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd');
    const texts = [
      { where: 'as-is', text: `const x = "${name}";` },
      { where: 'upper', text: name.toUpperCase() },
      {
        where: 'ascii-slug',
        text: `href="/danh-sach/${plain.toLowerCase().replace(/\s+/g, '-')}/"`,
      },
      {
        where: 'host',
        text: `https://ocop.${plain.toLowerCase().replace(/[^a-z0-9]/g, '')}.example`,
      },
      { where: 'inside-a-word', text: `x${plain.replace(/\s+/g, '')}y` },
    ];
    expect(occurrences(names, texts).map((h) => h.split(':')[0])).toEqual([
      'as-is',
      'upper',
      'ascii-slug',
      'host',
    ]);
  });
});
