// Static site from content/. SITE_URL sets the public address (sitemap, canonical links).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { decapCms } from './src/cms/integration.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://ocop.example.vn',
  output: 'static',
  trailingSlash: 'always',
  // Pages are written four at a time: thousands of commune pages otherwise wait on each file write in turn.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !page.includes('/admin/') && !page.includes('/dang-ky/da-nhan/') }),
    decapCms(),
  ],
  devToolbar: { enabled: false },
});
