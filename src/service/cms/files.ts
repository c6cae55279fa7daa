/**
 * Reading and writing files for the CMS, in the shapes decap-server answers
 * with (entries as {data, file: {path, label, id}}, media as base64 with a
 * SHA-256 id). Writes go to a temporary file beside the target and are renamed
 * over it, so a reader (the live rebuild, the site) never sees half a file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { resolveExisting, resolveNew, type Confinement } from './paths.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export interface EntryFile {
  data: string | null;
  file: { path: string; label?: string; id: string | null };
}

/** Files and their text; a missing or unreadable one comes back with data null, as decap-server does. */
export async function readEntries(
  c: Confinement,
  files: { path: string; label?: string }[],
): Promise<EntryFile[]> {
  return Promise.all(
    files.map(async ({ path, label }) => {
      try {
        const bytes = await readFile(await resolveExisting(c, path));
        return { data: bytes.toString(), file: { path, label, id: sha256(bytes) } };
      } catch (err) {
        if ((err as { status?: number }).status) throw err; // a refused path is an error, not a missing file
        return { data: null, file: { path, label, id: null } };
      }
    }),
  );
}

/** Files under a folder to a depth, with the extension, as project-relative paths. */
export async function listFolder(
  c: Confinement,
  folder: string,
  extension: string,
  depth: number,
): Promise<string[]> {
  let dir: string;
  try {
    dir = await resolveExisting(c, folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const found: string[] = [];
  const walk = async (at: string, level: number) => {
    if (level <= 0) return;
    const items = await readdir(at, { withFileTypes: true }).catch(() => []);
    for (const item of items) {
      const full = join(at, item.name);
      if (item.isDirectory()) await walk(full, level - 1);
      else if (item.isFile() && full.endsWith(extension) && !item.name.startsWith('.'))
        found.push(full);
    }
  };
  await walk(dir, Math.min(Math.max(1, Math.trunc(depth) || 1), 20));
  // Paths as the CMS named the folder, whatever links the folder went through.
  return found
    .sort()
    .map((f) => `${folder.replace(/\/+$/, '')}/${relative(dir, f).split('\\').join('/')}`);
}

export interface MediaFile {
  id: string;
  content: string;
  encoding: 'base64';
  path: string;
  name: string;
}

export async function readMedia(c: Confinement, path: string): Promise<MediaFile> {
  const bytes = await readFile(await resolveExisting(c, path));
  return {
    id: sha256(bytes),
    content: bytes.toString('base64'),
    encoding: 'base64',
    path,
    name: basename(path),
  };
}

/** Writes the whole file or nothing: a temporary file in the same folder, then a rename over the target. */
export async function writeAtomic(
  c: Confinement,
  path: string,
  content: Buffer | string,
): Promise<void> {
  const target = await resolveNew(c, path);
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, content, { flag: 'wx' });
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Removes a file; one already gone is fine. */
export async function removeFile(c: Confinement, path: string): Promise<void> {
  await rm(await resolveNew(c, path), { force: true });
}

/** The bytes of each path now (null when absent), to put back if a change cannot be completed. */
export async function snapshot(
  c: Confinement,
  paths: string[],
): Promise<Map<string, Buffer | null>> {
  const saved = new Map<string, Buffer | null>();
  for (const p of paths) saved.set(p, await readFile(await resolveNew(c, p)).catch(() => null));
  return saved;
}

export async function restore(c: Confinement, saved: Map<string, Buffer | null>): Promise<void> {
  for (const [p, bytes] of saved) {
    if (bytes === null) await removeFile(c, p).catch(() => undefined);
    else await writeAtomic(c, p, bytes).catch(() => undefined);
  }
}
