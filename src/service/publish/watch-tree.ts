/**
 * Watches a folder and every folder below it, one inotify watch per folder. Node's own
 * `recursive` watch on Linux follows files, and misses a file that an editor or `sed -i`
 * replaced by renaming (its later writes went unseen in our tests); a folder's watch sees
 * every create, rename and write inside it. Folders added later are picked up on the next event.
 */
import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** Calls `onChange(relativePath)` for every change below `root`; returns a function that stops watching. */
export function watchTree(
  root: string,
  onChange: (path: string) => void,
  onError: (err: Error) => void,
): () => void {
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string, rel: string) => {
    if (!watchers.has(dir)) {
      try {
        const w = watch(dir, (_event, name) => {
          const path = rel ? `${rel}/${name ?? ''}` : String(name ?? '');
          // A new folder (a new collection, an unpacked upload) gets its own watch.
          scan(root, '');
          onChange(path);
        });
        w.on('error', () => {
          w.close();
          watchers.delete(dir);
          if (dir === root) onError(new Error(`${root} can no longer be watched`));
        });
        watchers.set(dir, w);
      } catch (err) {
        if (dir === root) throw err;
        return; // gone meanwhile
      }
    }
  };
  const scan = (dir: string, rel: string) => {
    add(dir, rel);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries)
      if (e.isDirectory() && !e.name.startsWith('.'))
        scan(join(dir, e.name), rel ? `${rel}/${e.name}` : e.name);
  };
  scan(root, '');
  return () => {
    for (const w of watchers.values()) w.close();
    watchers.clear();
  };
}
