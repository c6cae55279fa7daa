// Editors read these messages: each names the file (relative, never the server's path) and the line.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { readSiteContent } from '../../domain/content-files-node.ts';
import {
  contentFailure,
  jsonSyntaxFailure,
  registryFailure,
  siteBuildFailure,
} from './messages.ts';

const root = mkdtempSync(join(tmpdir(), 'ocop-publish-msg-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a JSON syntax error names the file and the line of the fault', () => {
  const file = join(root, 'content/rounds/x.json');
  const text = '{\n  "label": "Đợt 2",\n  "order": 2,,\n}\n';
  let err: Error | undefined;
  try {
    JSON.parse(text);
  } catch (e) {
    err = e as Error;
  }
  const { message } = jsonSyntaxFailure(file, text, err!, root);
  expect(message).toMatch(/^Tệp content\/rounds\/x\.json, dòng 3: viết sai cú pháp/);
  expect(message).not.toContain(root);
});

test("the content loader's schema error becomes the field, its line and the schema's own Vietnamese words", () => {
  const content = join(root, 'content');
  const src = join(import.meta.dirname, '../../../content');
  // The real files (every folder, as new kinds of content arrive), round 2 with a date as people write it, not ISO.
  cpSync(src, content, { recursive: true });
  writeFileSync(
    join(content, 'rounds/2024-dot-2.json'),
    '{\n  "label": "Đợt 2",\n  "order": 2,\n  "deadline": "25/6/2024",\n  "deadlineText": "trước ngày 25/6/2024",\n  "notice": "x"\n}\n',
  );
  let thrown: unknown;
  try {
    readSiteContent(content);
  } catch (err) {
    thrown = err;
  }
  const { message, detail } = contentFailure(thrown, root);
  expect(message).toContain(
    'Tệp content/rounds/2024-dot-2.json, dòng 4: trường «deadline»: Thời điểm phải có dạng',
  );
  expect(message).toContain('Trang web vẫn giữ bản trước');
  expect(detail).toContain('deadline');
});

test('registry and site build failures name the file from the tools’ output', () => {
  const reg = registryFailure(
    'registry: cannot read the input, nothing written:\n  content/registrations/a.csv: the file is not text\n',
    root,
  );
  expect(reg.message).toContain('Tệp danh sách content/registrations/a.csv không đọc được');
  const site = siteBuildFailure(
    `18:34:43 [content] Syncing content\nduplicated mapping key\n  Location:\n    ${root}/content/notices/a.mdx:12:3\n  Stack trace:\n`,
    root,
  );
  expect(site.message).toMatch(
    /^Tệp content\/notices\/a\.mdx, dòng 12: không dựng được trang web từ nội dung mới \(chi tiết: duplicated mapping key\)/,
  );
  expect(siteBuildFailure('something broke', root).message).toContain(
    'Trang web vẫn giữ bản trước',
  );
});
