/**
 * Which CMS collection a file belongs to, and whether its new text is valid:
 * derived from the CMS configuration (folders, files, formats), so a collection
 * added there is checked the same way, with the schema the build uses
 * (src/cms/schemas.ts). MDX front matter is read by the parser Astro's MDX
 * integration uses. Messages are Vietnamese, with the field's CMS label.
 */
import { load as loadYaml } from 'js-yaml';
import { homeTagsProblem } from '../../domain/home-page.ts';
import type { z } from 'zod';
import { cmsCollections } from '../../cms/config.ts';
import { collectionFields, type CmsCollection, type CmsField } from '../../cms/fields.ts';
import { COLLECTION_SCHEMAS } from '../../cms/schemas.ts';
import { REGISTRATIONS_FOLDER } from '../../cms/csv-uploads.ts';

export interface EntryTarget {
  collection: CmsCollection;
  format: 'json' | 'frontmatter';
}

const trimSlash = (p: string) => p.replace(/^\/+|\/+$/g, '');

/** The collection a data file belongs to: a folder collection's direct child with its extension, or a files collection's file. */
export function entryTarget(
  path: string,
  collections: readonly CmsCollection[] = cmsCollections,
): EntryTarget | undefined {
  for (const c of collections) {
    if ('files' in c) {
      if (c.files.some((f) => trimSlash(f.file) === path))
        return { collection: c, format: path.endsWith('.json') ? 'json' : 'frontmatter' };
    } else {
      const folder = trimSlash(c.folder);
      const rest = path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : undefined;
      if (
        rest &&
        !rest.includes('/') &&
        rest.endsWith(`.${c.extension}`) &&
        rest.length > c.extension.length + 1
      )
        return { collection: c, format: c.format };
    }
  }
  return undefined;
}

/** Every media folder the configuration names (the global one and any field's own), relative to the project. */
export function mediaFolders(collections: readonly CmsCollection[] = cmsCollections): string[] {
  const folders = new Set([REGISTRATIONS_FOLDER]);
  const walk = (fields: readonly CmsField[]) => {
    for (const f of fields) {
      if (f.media_folder) folders.add(trimSlash(f.media_folder));
      if (f.fields) walk(f.fields);
      if (f.field) walk([f.field]);
    }
  };
  for (const c of collections) walk(collectionFields(c));
  return [...folders];
}

/** Files the media library may hold: data and documents, nothing a browser would run (no HTML, no SVG). */
export const MEDIA_NAME = /\.(csv|pdf|png|jpe?g|webp)$/i;

/** The label of the field at a schema issue's path, for the message ("Hạn (nhận trước thời điểm này)"). */
function fieldLabel(fields: readonly CmsField[], path: readonly PropertyKey[]): string {
  let label = '';
  let level: readonly CmsField[] | undefined = fields;
  for (const key of path) {
    if (typeof key === 'number') continue;
    const f: CmsField | undefined = level?.find((x) => x.name === key);
    if (!f) return label || String(key);
    label = label ? `${label} › ${f.label}` : f.label;
    level = f.fields ?? (f.field ? [f.field] : undefined);
  }
  return label;
}

/** One schema problem in Vietnamese; a message the domain schema already words in Vietnamese is kept. */
function issueText(issue: z.core.$ZodIssue): string {
  if (/[À-ỹđĐ]/.test(issue.message)) return issue.message;
  const i = issue as z.core.$ZodIssue & {
    input?: unknown;
    minimum?: number | bigint;
    maximum?: number | bigint;
    origin?: string;
  };
  switch (issue.code) {
    case 'invalid_type':
      return i.input === undefined ? 'chưa điền (bắt buộc)' : 'sai kiểu dữ liệu';
    case 'too_small':
      return i.origin === 'string' && Number(i.minimum) <= 1
        ? 'chưa điền (bắt buộc)'
        : `nhỏ hơn mức tối thiểu (${String(i.minimum)})`;
    case 'too_big':
      return `vượt mức tối đa (${String(i.maximum)})`;
    case 'invalid_format':
      return 'sai định dạng';
    case 'invalid_value':
      return 'giá trị không được phép';
    case 'unrecognized_keys':
      return 'có trường không được phép';
    default:
      return 'không hợp lệ';
  }
}

/** A Markdown/MDX file's frontmatter as data: YAML between the opening and closing `---`, read by js-yaml as Astro reads it. */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;
function frontmatterOf(raw: string): unknown {
  const match = FRONTMATTER.exec(raw.replace(/^\uFEFF/, ''));
  return match ? (loadYaml(match[1]!) ?? {}) : {};
}

export type Checked = { ok: true } | { ok: false; message: string };

/** Parses the text as the build will and checks it with the collection's schema. */
export function checkEntry(target: EntryTarget, raw: string): Checked {
  const schema = COLLECTION_SCHEMAS[target.collection.name];
  if (!schema)
    return {
      ok: false,
      message: `Mục "${target.collection.label}" chưa có lược đồ kiểm tra nên chưa lưu được; báo cán bộ tin học.`,
    };
  let data: unknown;
  try {
    data = target.format === 'json' ? JSON.parse(raw) : frontmatterOf(raw);
  } catch {
    return {
      ok: false,
      message: `Không lưu được: nội dung không đọc được (${target.format === 'json' ? 'JSON' : 'phần đầu YAML'} hỏng).`,
    };
  }
  const result = schema.safeParse(data);
  if (result.success) {
    // The home text's boxes are MDX tags the page fills in: a misspelt one would stop the build.
    const tags = target.collection.name === 'home' ? homeTagsProblem(raw) : null;
    return tags ? { ok: false, message: `Không lưu được, tệp vẫn như cũ: ${tags}` } : { ok: true };
  }
  const fields = collectionFields(target.collection);
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${fieldLabel(fields, issue.path) || 'Nội dung'}: ${issueText(issue)}`);
  return { ok: false, message: `Không lưu được, tệp vẫn như cũ. ${problems.join('; ')}.` };
}
