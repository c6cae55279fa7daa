/**
 * Every module in src/ has a test: one of the same name beside it, or a line in
 * docs/architecture.md naming the tests that cover it through its feature. This keeps that list
 * whole and true, so a new module without either fails here, and so does a line naming a module or
 * a test that no longer exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DOC = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
const SECTION = DOC.slice(DOC.indexOf('## Modules without a test of the same name'));

/** Modules: .ts files of src/ that are not tests, pages (built and checked as pages) or the content config. */
const MODULES = readdirSync(join(ROOT, 'src'), { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
  .map((e) => relative(ROOT, join(e.parentPath, e.name)))
  .filter((f) => !f.startsWith('src/pages/') && f !== 'src/content.config.ts');

/** Each line "- `module` — `test`, `test`" of the section. */
const LINES = [...SECTION.matchAll(/^- `([^`]+)` — (.+)$/gm)].map((m) => ({
  module: m[1]!,
  tests: [...m[2]!.matchAll(/`([^`]+)`/g)].map((t) => t[1]!),
}));

describe('docs/architecture.md names a test for every module', () => {
  it('has the section, with lines (a check of the check)', () => {
    expect(SECTION.length).toBeGreaterThan(100);
    expect(LINES.length).toBeGreaterThan(20);
    expect(MODULES.length).toBeGreaterThan(100);
  });

  it('every module without a test of the same name has a line', () => {
    const missing = MODULES.filter(
      (m) => !existsSync(join(ROOT, m.replace(/\.ts$/, '.test.ts'))),
    ).filter((m) => !LINES.some((l) => l.module === m));
    expect(missing).toEqual([]);
  });

  it('every line names an existing module and existing tests', () => {
    const stale = LINES.flatMap((l) => [l.module, ...l.tests]).filter(
      (path) => !existsSync(join(ROOT, path)),
    );
    expect(stale).toEqual([]);
    for (const line of LINES) expect(line.tests.length, line.module).toBeGreaterThan(0);
  });
});
