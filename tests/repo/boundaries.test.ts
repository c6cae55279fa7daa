/**
 * The folders of src/ are the stages of a registration's life (docs/architecture.md); this test
 * holds them to it from the import graph, so a shortcut across a boundary fails here instead of
 * growing unnoticed: the model stays browser-safe, a stage imports only earlier stages, and the
 * service's, the registry's and the site's frameworks stay in their own rooms.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = /\.(ts|mts|js|mjs|astro)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .filter((f) => !f.includes('node_modules') && !f.startsWith('src/cms/admin/vendor'));
}

/** Every module specifier a file imports (static, re-export, side-effect or dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found = new Set<string>();
  const patterns = [
    /^\s*(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.add(m[1]!);
  return [...found];
}

interface Edge {
  file: string;
  /** The specifier as written. */
  spec: string;
  /** For a relative specifier, the imported file from the root (e.g. src/domain/round.ts). */
  target: string | null;
}

const FILES = [...filesUnder('src'), ...filesUnder('scripts'), ...filesUnder('bench')];
const EDGES: Edge[] = FILES.flatMap((file) =>
  importsOf(file).map((spec) => ({
    file,
    spec,
    target: spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : null,
  })),
);
const isTest = (f: string) => /\.test\.ts$/.test(f);
const inFolder = (f: string, ...folders: string[]) => folders.some((d) => f.startsWith(`${d}/`));

/** Edges from non-test files of `folder` that break `allowed`; printed as "file → spec". */
function offending(folder: string, allowed: (e: Edge) => boolean): string[] {
  return EDGES.filter((e) => inFolder(e.file, folder) && !isTest(e.file) && !allowed(e)).map(
    (e) => `${e.file} → ${e.spec}`,
  );
}

/** The stages in order: each may import itself and the stages before it, nothing after. */
const STAGES = ['src/domain', 'src/csv', 'src/export', 'src/registry', 'src/publish'];
const earlierOrSame = (stage: string) => STAGES.slice(0, STAGES.indexOf(stage) + 1);

describe('the folders of src/ keep their boundaries', () => {
  it('reads imports from every kind of file (a check of the check)', () => {
    expect(EDGES.length).toBeGreaterThan(300);
    const registryBuild = EDGES.filter((e) => e.file === 'src/registry/build.ts');
    expect(registryBuild.map((e) => e.target)).toContain('src/registry/public-list.ts');
    expect(EDGES.some((e) => e.file.endsWith('.astro') && e.spec === 'astro:content')).toBe(true);
  });

  it('the model imports no Node module, no CSV parser and nothing of a later stage', () => {
    const browserSafe = offending('src/domain', (e) =>
      e.file.endsWith('-node.ts')
        ? e.target === null || inFolder(e.target, 'src/domain')
        : e.target === null
          ? e.spec === 'zod' || e.spec === 'zod/mini'
          : inFolder(e.target, 'src/domain') && !e.target.endsWith('-node.ts'),
    );
    expect(browserSafe).toEqual([]);
  });

  it('each stage imports only itself and the stages before it', () => {
    for (const stage of STAGES.slice(1)) {
      const allowed = earlierOrSame(stage);
      expect(
        offending(stage, (e) => e.target === null || inFolder(e.target, ...allowed)),
        stage,
      ).toEqual([]);
    }
  });

  it('the CSV stage knows no registration: of the model, only its text helpers', () => {
    expect(
      offending(
        'src/csv',
        (e) =>
          e.target === null || inFolder(e.target, 'src/csv') || e.target === 'src/domain/text.ts',
      ),
    ).toEqual([]);
  });

  it('Node modules in the registry and publish stages only in their node/ folders (and file reading)', () => {
    for (const stage of ['src/registry', 'src/publish']) {
      expect(
        offending(stage, (e) => !e.spec.startsWith('node:') || inFolder(e.file, `${stage}/node`)),
        stage,
      ).toEqual([]);
    }
  });

  it('browser code (the form script and all it reaches) is only client, form markup and model', () => {
    const reached = new Set(FILES.filter((f) => inFolder(f, 'src/client') && !isTest(f)));
    const outside: string[] = [];
    for (const file of reached) {
      for (const e of EDGES.filter((edge) => edge.file === file)) {
        if (e.target === null) {
          if (e.spec !== 'zod' && e.spec !== 'zod/mini') outside.push(`${file} → ${e.spec}`);
        } else if (
          !inFolder(e.target, 'src/client', 'src/forms', 'src/domain') ||
          e.target.endsWith('-node.ts')
        ) {
          outside.push(`${file} → ${e.spec}`);
        } else reached.add(e.target);
      }
    }
    expect(reached.size).toBeGreaterThan(10);
    expect(outside).toEqual([]);
  });

  it('nothing outside the service (and the benchmarks of the raw engine) imports hono or node:sqlite', () => {
    const outside = EDGES.filter(
      (e) =>
        (e.spec === 'hono' ||
          e.spec.startsWith('hono/') ||
          e.spec.startsWith('@hono/') ||
          e.spec === 'node:sqlite') &&
        !inFolder(e.file, 'src/service', 'bench'),
    ).map((e) => `${e.file} → ${e.spec}`);
    expect(outside).toEqual([]);
  });

  it('nothing outside pages, components, layouts, the CMS and the build glue imports Astro', () => {
    const astroRooms = ['src/pages', 'src/components', 'src/layouts', 'src/cms', 'src/site'];
    const outside = EDGES.filter(
      (e) =>
        (e.spec === 'astro' ||
          e.spec.startsWith('astro:') ||
          e.spec.startsWith('astro/') ||
          e.spec.startsWith('@astrojs/')) &&
        !inFolder(e.file, ...astroRooms) &&
        e.file !== 'src/content.config.ts',
    ).map((e) => `${e.file} → ${e.spec}`);
    expect(outside).toEqual([]);
  });
});
