/**
 * The registry with its files: finds the CSVs, reads each (with its Google
 * Forms mapping when one lies beside it), runs the domain registry and writes
 * the outputs. The CLI, the site build's fallback and the benchmark all call this.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { parseFormMapping } from '../google-forms.ts';
import { readRegistryFile, type FileInfo } from '../file.ts';
import { buildRegistry, type InputFile, type RegistryResult } from '../build.ts';
import { rowContextOf } from '../campaign.ts';
import type { RowContext } from '../row.ts';
import { toVnIso } from '../../domain/time.ts';
import { readSiteContent, type SiteContent } from '../../domain/content-files-node.ts';
import {
  readRegistryFileInParallel,
  SplitFailed,
  startRegistryWorker,
  type StartedWorker,
} from './parallel.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../../..');
export const DEFAULT_INPUT = join(PROJECT_ROOT, 'content/registrations');
/**
 * Invented registrations for demonstrations; read only with SAMPLE_DATA=1 (`npm run demo`), never
 * published as real.
 */
export const SAMPLE_INPUT = join(PROJECT_ROOT, 'examples/registrations');

/** SAMPLE_DATA=1: the build adds examples/registrations/ and every page says "Dữ liệu mẫu". */
export function sampleDataWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['1', 'true', 'yes', 'on'].includes(String(env.SAMPLE_DATA ?? '').toLowerCase());
}

const CSV_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

/** The CSV files named by the paths: files as given, folders' CSVs in name order. */
export function collectCsvFiles(paths: readonly string[]): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) {
      errors.push(`${path}: no such file or folder`);
      continue;
    }
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (CSV_EXTENSIONS.has(extname(name).toLowerCase()) && statSync(join(path, name)).isFile())
          files.push(join(path, name));
      }
    } else files.push(path);
  }
  return { files, errors };
}

export interface RegistryRun extends RegistryResult {
  files: FileInfo[];
  content: SiteContent;
}

const mappingPath = (file: string) => file.replace(/\.[^./]*$/, '') + '.mapping.json';

export interface RunOptions {
  paths?: readonly string[];
  contentDir?: string;
  now?: Date;
  /**
   * Add the sample exports (examples/registrations/) and mark the list as sample; default:
   * SAMPLE_DATA.
   */
  sample?: boolean;
  /**
   * Files from this size up are read by two threads (see parallelMinBytes, which the CLI and the
   * benchmark ask); unset: one thread.
   */
  parallelMinBytes?: number;
}

/** Reads and combines the files; errors (English) for every file that cannot be read at all. */
export function runRegistry(
  options: RunOptions = {},
): { ok: true; run: RegistryRun } | { ok: false; errors: string[] } {
  const contentDir = options.contentDir ?? process.env.CONTENT_DIR;
  const sample = options.sample ?? sampleDataWanted();
  const paths = options.paths?.length
    ? [...options.paths]
    : [contentDir ? join(contentDir, 'registrations') : DEFAULT_INPUT];
  const { files, errors } = collectCsvFiles(sample ? [...paths, SAMPLE_INPUT] : paths);
  // The second thread is started first: loading its modules overlaps reading the content and the
  // file.
  const min = options.parallelMinBytes;
  let worker =
    min !== undefined &&
    files.some((f) => (statSync(f, { throwIfNoEntry: false })?.size ?? 0) >= min)
      ? startRegistryWorker()
      : null;
  const content = readSiteContent(contentDir);
  const ctx = { ...rowContextOf(content), communes: content.communes };
  const generatedAt = toVnIso(options.now ?? new Date());
  const takeWorker = () => {
    const w = worker;
    worker = null;
    return w;
  };
  const build = (parallelMinBytes?: number) => {
    const { inputs, infos } = readInputs(files, errors, ctx, parallelMinBytes, takeWorker);
    if (errors.length > 0) return null;
    const result = buildRegistry(inputs, ctx, generatedAt);
    return {
      ...result,
      list: sample ? { ...result.list, sample: true as const } : result.list,
      files: infos,
      content,
    };
  };
  let run: RegistryRun | null;
  try {
    run = build(min);
  } catch (err) {
    if (!(err instanceof SplitFailed)) throw err;
    run = build(); // a file could not be cut cleanly: read every file whole, the same result
  } finally {
    void takeWorker()?.worker.terminate(); // started, but no file was read by two threads
  }
  return run ? { ok: true, run } : { ok: false, errors };
}

function readInputs(
  files: readonly string[],
  errors: string[],
  ctx: RowContext,
  parallelMinBytes: number | undefined,
  takeWorker: () => StartedWorker | null,
) {
  const inputs: InputFile[] = [];
  const infos: FileInfo[] = [];
  for (const path of files) {
    const name = relative(process.cwd(), path) || path;
    let mapping;
    if (existsSync(mappingPath(path))) {
      const parsed = parseFormMapping(readFileSync(mappingPath(path), 'utf8'));
      if (!parsed.ok) {
        errors.push(`${relative(process.cwd(), mappingPath(path))}: ${parsed.reason}`);
        continue;
      }
      mapping = parsed.mapping;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      errors.push(
        `${name}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      );
      continue;
    }
    const parallel = !mapping && parallelMinBytes !== undefined && bytes.length >= parallelMinBytes;
    const read =
      (parallel ? readRegistryFileInParallel(name, bytes, ctx, undefined, takeWorker()) : null) ??
      readRegistryFile(name, bytes, mapping);
    if (!read.ok) errors.push(`${name}: ${read.reason}`);
    else {
      inputs.push({ file: name, rows: read.rows });
      infos.push(read.info);
    }
  }
  return { inputs, infos };
}
