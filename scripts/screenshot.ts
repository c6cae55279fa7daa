/**
 * Screenshots pages of a running site for people to look at:
 * `npx node scripts/screenshot.ts BASE_URL OUT_DIR PATH...` at 360 px and 1280 px wide.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';

const [base, outDir, ...paths] = process.argv.slice(2);
if (!base || !outDir || paths.length === 0) {
  console.error('usage: screenshot.ts BASE_URL OUT_DIR PATH...');
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
const browser = await launchBrowser();
for (const path of paths) {
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(new URL(path, base).href);
    const name = `${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${width}.png`;
    await page.screenshot({ path: join(outDir, name), fullPage: true });
    console.log(join(outDir, name));
    await page.close();
  }
}
await browser.close();
