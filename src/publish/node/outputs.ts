/**
 * The registry's output files: the three of the contract (the public list as JSON and CSV, the
 * private report) and, for the site build only, which campaign each published product belongs to.
 * Written by the registry command, read by the site build. `npm run build` runs the registry first and the
 * pages read its output (REGISTRY_DIR, default src/generated/registry/). When that output is missing and no REGISTRY_DIR
 * was asked for (e.g. `astro dev`), the registry runs in-process on
 * content/registrations/ — the same domain code, nothing written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { publicListSchema, type PublicList } from '../../registry/public-list.ts';
import { PROJECT_ROOT, runRegistry, type RegistryRun } from '../../registry/node/run.ts';
import { publicListCsvParts, publicListJsonParts } from '../list-files.ts';
import { writeTextParts } from './text-file.ts';

/** Where the site build reads the registry's output (git-ignored). */
export const DEFAULT_OUT_DIR = join(PROJECT_ROOT, 'src/generated/registry');
export const LIST_JSON = 'danh-sach-ocop.json';
export const LIST_CSV = 'danh-sach-ocop.csv';
export const REPORT_JSON = 'bao-cao.json';
/** Campaign slug → receipts of its listed late products (RegistryResult.campaigns); not published. */
export const CAMPAIGNS_JSON = 'ky-dang-ky.json';

let cached: PublicList | undefined;
/** The campaign of each listed receipt, when the list was built in-process. */
let cachedCampaigns: Record<string, string[]> | undefined;
/** The folder the list was read from; undefined when it was built in-process. */
let cachedDir: string | undefined;

export function loadPublicList(): PublicList {
  if (cached) return cached;
  const dir = resolve(process.env.REGISTRY_DIR ?? 'src/generated/registry');
  const file = join(dir, LIST_JSON);
  if (!existsSync(file)) {
    if (process.env.REGISTRY_DIR)
      throw new Error(
        `REGISTRY_DIR=${process.env.REGISTRY_DIR} holds no ${LIST_JSON}; run: npm run registry -- --out ${process.env.REGISTRY_DIR}`,
      );
    const contentDir = resolve(process.env.CONTENT_DIR ?? 'content');
    const result = runRegistry({ contentDir, paths: [join(contentDir, 'registrations')] });
    if (!result.ok)
      throw new Error(
        `registry: cannot read content/registrations/:\n  ${result.errors.join('\n  ')}`,
      );
    console.warn(
      `registry: ${file} not found; built the public list in-process (npm run build runs the registry first)`,
    );
    cachedCampaigns = result.run.campaigns;
    return (cached = result.run.list);
  }
  const parsed = publicListSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file} is not a public list (${parsed.error.issues[0]?.message}); run npm run registry`,
    );
  cachedDir = dir;
  return (cached = parsed.data);
}

/**
 * An open-data file exactly as the registry wrote it beside the list (same domain writers, same
 * content/), so the build need not write 40,000 products again; null when the list was built
 * in-process or the file is missing, and the page writes it itself.
 */
export function publicListFileText(name: typeof LIST_JSON | typeof LIST_CSV): string | null {
  loadPublicList(); // validates the list first
  const file = cachedDir === undefined ? undefined : join(cachedDir, name);
  return file && existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/**
 * Receipt → campaign slug of each listed late product (no round) the registry placed; the others
 * go by their round. Empty for a list written before campaigns were kept.
 */
export function loadProductCampaigns(): Map<string, string> {
  loadPublicList();
  let byCampaign = cachedCampaigns;
  if (!byCampaign && cachedDir !== undefined) {
    const file = join(cachedDir, CAMPAIGNS_JSON);
    byCampaign = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>)
      : {};
  }
  const campaignOf = new Map<string, string>();
  for (const [campaign, receipts] of Object.entries(byCampaign ?? {}))
    for (const receipt of receipts) campaignOf.set(receipt, campaign);
  return campaignOf;
}

/** Writes the public list (JSON, CSV), the private report and the products' campaigns into `outDir`. */
export function writeRegistryOutputs(outDir: string, run: RegistryRun): void {
  mkdirSync(outDir, { recursive: true });
  writeTextParts(join(outDir, LIST_JSON), publicListJsonParts(run.list));
  writeTextParts(join(outDir, LIST_CSV), publicListCsvParts(run.list, run.content));
  writeFileSync(
    join(outDir, REPORT_JSON),
    `${JSON.stringify({ ...run.report, files: run.files }, null, 1)}\n`,
  );
  writeFileSync(join(outDir, CAMPAIGNS_JSON), `${JSON.stringify(run.campaigns)}\n`);
}
