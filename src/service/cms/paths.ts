/**
 * Where the CMS may read and write: every path Decap sends is relative to the
 * project folder and must stay inside one of the allowed folders (content/ and
 * the media folders), also after following symbolic links. Modelled on
 * decap-server's checks (resolveExistingRepoPath / resolveNewRepoPath), but
 * confined to folders, not to the whole repository, and strict about the
 * spelling: no absolute path, no "..", no backslash, no control character.
 */
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export class PathError extends Error {
  readonly status = 400 as const;
}

const BAD_PATH = 'Đường dẫn tệp không hợp lệ: chỉ được đọc và ghi trong thư mục nội dung.';

/** The path as sent, checked for spelling only: relative, forward slashes, no "." or ".." segment, no control character. */
export function checkSpelling(path: unknown): string {
  if (typeof path !== 'string' || path.length === 0 || path.length > 400)
    throw new PathError(BAD_PATH);
  // eslint-disable-next-line no-control-regex
  if (
    /[\u0000-\u001f\u007f\\]/.test(path) ||
    path.startsWith('/') ||
    isAbsolute(path) ||
    /^[a-zA-Z]:/.test(path)
  )
    throw new PathError(BAD_PATH);
  const segments = path.replace(/\/+$/, '').split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) throw new PathError(BAD_PATH);
  return segments.join('/');
}

const inside = (root: string, target: string) => {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

export interface Confinement {
  /** The project folder, resolved through links. */
  root: string;
  /** Allowed folders, relative to the project with forward slashes ("content", "content/registrations"). */
  folders: string[];
}

/** Checks that a relative path names something inside an allowed folder, before and after links. Returns the absolute path. */
async function confine(c: Confinement, path: string, mustExist: boolean): Promise<string> {
  const clean = checkSpelling(path);
  if (!c.folders.some((f) => clean === f || clean.startsWith(`${f}/`)))
    throw new PathError(BAD_PATH);
  const target = resolve(c.root, clean);
  // The nearest part of the path that exists, resolved through links, must be inside an allowed folder too.
  let existing = target;
  const missing: string[] = [];
  for (;;) {
    try {
      await lstat(existing);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || mustExist) throw err;
      missing.unshift(basename(existing));
      existing = dirname(existing);
    }
  }
  // A link whose target is missing cannot be checked: refused like one that points out.
  const real = await realpath(existing).catch(() => {
    throw new PathError(BAD_PATH);
  });
  const allowed = await Promise.all(
    c.folders.map((f) => realpath(resolve(c.root, f)).catch(() => resolve(c.root, f))),
  );
  if (!allowed.some((f) => inside(f, real))) throw new PathError(BAD_PATH);
  return join(real, ...missing);
}

/** An existing file or folder inside the allowed folders (ENOENT passes through). */
export const resolveExisting = (c: Confinement, path: string) => confine(c, path, true);
/** A file that may not exist yet inside the allowed folders. */
export const resolveNew = (c: Confinement, path: string) => confine(c, path, false);
