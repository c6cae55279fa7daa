/**
 * The slice of Decap CMS's configuration vocabulary this site uses, typed so a
 * misspelt widget option fails the type check rather than the editor's screen.
 */

export interface CmsField {
  name: string;
  /** What the editor reads above the input, in Vietnamese. */
  label: string;
  widget:
    | 'string'
    | 'text'
    | 'number'
    | 'datetime'
    | 'list'
    | 'object'
    | 'relation'
    | 'markdown'
    | 'file'
    | 'hidden'
    | 'boolean';
  /** Vietnamese help under the input; every field has one. */
  hint: string;
  required?: boolean;
  default?: unknown;
  /** [regex source, Vietnamese message] checked by the CMS before saving. */
  pattern?: [string, string];
  // number
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  step?: number;
  // datetime
  format?: string;
  date_format?: string | boolean;
  time_format?: string | boolean;
  picker_utc?: boolean;
  // list / object
  field?: CmsField;
  fields?: CmsField[];
  summary?: string;
  collapsed?: boolean;
  label_singular?: string;
  add_to_top?: boolean;
  // relation
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
  /** relation: the value is a list of the chosen entries' values. */
  multiple?: boolean;
  // markdown
  modes?: ('raw' | 'rich_text')[];
  buttons?: string[];
  editor_components?: string[];
  sanitize_preview?: boolean;
  // file
  media_folder?: string;
  public_folder?: string;
  choose_url?: boolean;
  allow_multiple?: boolean;
}

interface CollectionBase {
  name: string;
  label: string;
  label_singular?: string;
  description: string;
  editor?: { preview: boolean };
}

export interface FolderCollection extends CollectionBase {
  folder: string;
  extension: 'json' | 'mdx';
  format: 'json' | 'frontmatter';
  identifier_field: string;
  /** File name of a new entry; Decap turns it into ASCII with dashes (see the global slug options). */
  slug: string;
  create: boolean;
  delete: boolean;
  summary?: string;
  sortable_fields?: string[];
  fields: CmsField[];
}

export interface FilesCollection extends CollectionBase {
  /** Needed for .mdx files: Decap infers a format from .md and .json, not from .mdx. */
  format?: 'frontmatter';
  files: { name: string; label: string; file: string; description?: string; fields: CmsField[] }[];
}

export type CmsCollection = FolderCollection | FilesCollection;

/** A required one-line text input. */
export const line = (
  name: string,
  label: string,
  hint: string,
  extra: Partial<CmsField> = {},
): CmsField => ({ name, label, widget: 'string', hint, ...extra });

/** A required multi-line text area; line breaks are kept in the saved value. */
export const lines = (
  name: string,
  label: string,
  hint: string,
  extra: Partial<CmsField> = {},
): CmsField => ({ name, label, widget: 'text', hint, ...extra });

/** A whole number from 1, for "order" fields. */
export const position = (hint: string): CmsField => ({
  name: 'order',
  label: 'Thứ tự',
  widget: 'number',
  value_type: 'int',
  min: 1,
  step: 1,
  hint,
});

/** A list of one-line texts, saved as a JSON/YAML array of strings. */
export const textList = (
  name: string,
  label: string,
  singular: string,
  hint: string,
  extra: Partial<CmsField> = {},
): CmsField => ({
  name,
  label,
  label_singular: singular,
  widget: 'list',
  hint,
  collapsed: false,
  field: { name: 'item', label: singular, widget: 'string', hint: '' },
  ...extra,
});

/** Every field of a collection, files collections flattened. */
export function collectionFields(c: CmsCollection): CmsField[] {
  return 'files' in c ? c.files.flatMap((f) => f.fields) : c.fields;
}
