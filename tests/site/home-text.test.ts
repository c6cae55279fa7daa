/**
 * The home page's wording is content (content/authority/trang-chu.mdx): the shipped text is valid
 * and places every box; the CMS offers each box as an editor component that writes back the same
 * tag; a misspelt box stops the build with a Vietnamese message that names it (the service's
 * publisher then keeps the live site as it was and shows the editor that message).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { afterAll, describe, expect, it } from 'vitest';
import { homeBlockComponent } from '../../src/cms/admin/home-blocks.js';
import { homeCollection } from '../../src/cms/collections/authority.ts';
import {
  HOME_BLOCKS,
  blockText,
  homePageSchema,
  unknownHomeTags,
} from '../../src/domain/home-page.ts';
import { copyProject } from '../cms/support/site-copy.ts';
import { ROOT } from '../support/server.ts';

const HOME = 'content/authority/trang-chu.mdx';
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('the shipped home text', () => {
  const { frontmatter, content } = parseFrontmatter(readFileSync(join(ROOT, HOME), 'utf8'));

  it('has a heading and a description, and places every box, each once', () => {
    expect(homePageSchema.parse(frontmatter).title).toMatch(/^Đăng ký sản phẩm OCOP/);
    expect(unknownHomeTags(content)).toEqual([]);
    for (const b of HOME_BLOCKS) expect(content.split(blockText(b.tag)).length - 1, b.tag).toBe(1);
  });

  it('writes no date, address or phone of its own: the boxes bring them from content', () => {
    expect(content).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
    expect(content).not.toMatch(/\d{3,4}[ .]?\d{3}[ .]?\d{3}/);
  });
});

describe('unknownHomeTags', () => {
  it('names each unknown tag once, in order, and leaves known tags and HTML alone', () => {
    expect(
      unknownHomeTags('<RoundDeadlines />\n<HanDangKy />\nx <Contactbox/> <HanDangKy />\n<br />'),
    ).toEqual(['HanDangKy', 'Contactbox']);
    expect(unknownHomeTags(HOME_BLOCKS.map((b) => blockText(b.tag)).join('\n'))).toEqual([]);
  });
});

describe('the CMS editor components', () => {
  it('read each tag as written (spaces forgiven) and write back the same tag', () => {
    for (const block of HOME_BLOCKS) {
      const c = homeBlockComponent(block);
      expect(c.id).toBe(block.tag);
      for (const written of [`<${block.tag} />`, `<${block.tag}/>`, `<${block.tag}   />`])
        expect(c.pattern.test(written), written).toBe(true);
      expect(c.pattern.test(`<${block.tag}s />`)).toBe(false);
      if ('toInline' in c) {
        expect(block.inline).toBe(true);
        expect(c.type).toBe('inline');
        expect(c.toInline()).toBe(blockText(block.tag));
      } else {
        expect(block.inline).toBe(false);
        expect(c.toBlock()).toBe(blockText(block.tag));
      }
    }
  });

  it('are offered in the body field, and its hint names every tag', () => {
    const body = homeCollection.files[0]!.fields.find((f) => f.name === 'body')!;
    expect(body.editor_components).toEqual(HOME_BLOCKS.map((b) => b.tag));
    for (const b of HOME_BLOCKS) expect(body.hint).toContain(blockText(b.tag));
  });
});

describe('a misspelt box', () => {
  it('stops the build with a Vietnamese message that names it and lists the boxes', () => {
    const repo = copyProject();
    made.push(repo);
    const file = join(repo, HOME);
    writeFileSync(file, readFileSync(file, 'utf8').replace('<ContactBox />', '<ContactBx />'));
    const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
    for (const name of ['CONTENT_DIR', 'REGISTRY_DIR', 'SAMPLE_DATA']) delete env[name];
    const b = spawnSync(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(repo, 'dist')],
      { cwd: repo, encoding: 'utf8', env, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(b.status).not.toBe(0);
    const out = b.stdout + b.stderr;
    expect(out).toContain('trang chủ có khung không có: <ContactBx />');
    expect(out).toContain('Các khung dùng được: RoundDeadlines, RegisterButton, ContactBox');
  }, 240_000);
});
