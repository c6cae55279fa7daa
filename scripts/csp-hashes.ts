/**
 * Prints the CSP sources ('sha256-…') of every inline script in the built
 * pages, for a static host's Content-Security-Policy:
 * `npx node scripts/csp-hashes.ts [DIST_DIR]` (default dist/). /admin/ is left out.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { inlineScriptHashes } from '../src/service/http/security-headers.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const hashes = new Set<string>();
const walk = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (relative(dist, path) !== 'admin') walk(path);
    } else if (name.endsWith('.html')) {
      for (const h of inlineScriptHashes(readFileSync(path, 'utf8'))) hashes.add(h);
    }
  }
};
try {
  walk(dist);
} catch (err) {
  console.error(`Cannot read ${dist}: ${(err as Error).message}. Run npm run build first.`);
  process.exit(1);
}
console.log([...hashes].sort().join(' '));
