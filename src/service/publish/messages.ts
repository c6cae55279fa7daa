/**
 * Why a publish failed, in plain Vietnamese for editors: which file, which line when it is known,
 * and what to do. Built from the content loader's errors, JSON syntax errors and the build tools'
 * output (English), so an editor never has to read a stack trace.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

export interface Failure {
  /** Plain Vietnamese, one or two sentences, shown to editors. */
  message: string;
  /** The technical detail for the operator's log (English, may be long). */
  detail: string;
}

const FIX = 'Trang web vẫn giữ bản trước; sửa tệp này và lưu lại thì thay đổi sẽ tự được đăng.';

/** "content/rounds/x.json" relative to the project folder (never an absolute server path). */
export function shownPath(file: string, root: string): string {
  const rel = relative(root, file);
  return rel.startsWith('..') ? file : rel;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  return text.slice(0, Math.max(0, offset)).split('\n').length;
}

/** A JSON syntax error: the line from the parser's position when it gives one. */
export function jsonSyntaxFailure(file: string, text: string, err: Error, root: string): Failure {
  const m = /position (\d+)|line (\d+)/.exec(err.message);
  const line =
    m?.[1] !== undefined
      ? lineAt(text, Number(m[1]))
      : m?.[2] !== undefined
        ? Number(m[2])
        : undefined;
  const where = line ? `, dòng ${line}` : '';
  return {
    message: `Tệp ${shownPath(file, root)}${where}: viết sai cú pháp (thiếu hoặc thừa dấu phẩy, ngoặc hoặc dấu nháy). ${FIX}`,
    detail: `${file}: ${err.message}`,
  };
}

const ISSUE_WORDS: Record<string, string> = {
  invalid_type: 'thiếu hoặc sai kiểu',
  too_small: 'quá ngắn hoặc quá nhỏ',
  too_big: 'quá dài hoặc quá lớn',
  invalid_format: 'sai định dạng',
  invalid_value: 'có giá trị không được phép',
  unrecognized_keys: 'có trường không được phép',
};

interface Issue {
  code?: string;
  path?: (string | number)[];
  message?: string;
}

/** The line where a key of the issue's path is written, searching from its last named key. */
function lineOfPath(text: string, path: (string | number)[]): number | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key !== 'string') continue;
    const at = text.search(new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`));
    if (at >= 0) return lineAt(text, at);
  }
  return undefined;
}

/** Vietnamese words for one schema issue; the domain schemas' own messages are Vietnamese already. */
function issueWords(issue: Issue): string {
  const field = issue.path?.length ? `trường «${issue.path.join('.')}»: ` : '';
  const own =
    issue.message && /[àáảãạăâđêôơưếềệốồộớờợứừựíìịýỳ]/i.test(issue.message)
      ? issue.message
      : undefined;
  return `${field}${own ?? ISSUE_WORDS[issue.code ?? ''] ?? 'không hợp lệ'}`;
}

/**
 * An error thrown by the content loader. Its message is "FILE: ISSUES" where ISSUES is the schema's
 * issue list as JSON (zod), or any other text; the file and line are named when they can be found.
 */
export function contentFailure(err: unknown, root: string): Failure {
  const text = err instanceof Error ? err.message : String(err);
  const m = /^(\/[^:\n]+?\.(?:json|mdx?|ya?ml|csv)):\s*([\s\S]*)$/.exec(text);
  if (!m)
    return { message: `Nội dung không đọc được: ${text.split('\n')[0]}. ${FIX}`, detail: text };
  const [, file, rest] = m as unknown as [string, string, string];
  let issues: Issue[] = [];
  try {
    const parsed = JSON.parse(rest) as unknown;
    if (Array.isArray(parsed)) issues = parsed as Issue[];
  } catch {
    /* not a schema issue list */
  }
  let source = '';
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    /* the file went away meanwhile */
  }
  const line = issues[0]?.path ? lineOfPath(source, issues[0].path) : undefined;
  const what = issues.length ? issues.slice(0, 3).map(issueWords).join('; ') : rest.split('\n')[0];
  return {
    message: `Tệp ${shownPath(file, root)}${line ? `, dòng ${line}` : ''}: ${what}. ${FIX}`,
    detail: text,
  };
}

/** The registry could not read an export (its reasons are English, one "FILE: reason" per line). */
export function registryFailure(output: string, root: string): Failure {
  const line =
    output.split('\n').find((l) => /\.(csv|tsv|txt|json):/i.test(l)) ??
    output.trim().split('\n').pop() ??
    '';
  const m = /^(?:registry:\s*)?(\S[^:]*?\.(?:csv|tsv|txt|json)):\s*(.*)$/i.exec(line.trim());
  // The registry names files relative to its working folder, the project folder.
  const file = m ? shownPath(resolve(root, m[1]!), root) : undefined;
  return {
    message: file
      ? `Tệp danh sách ${file} không đọc được. Hãy tải tệp CSV từ trang quản lý hồ sơ (hoặc lưu từ Excel dạng CSV) rồi tải lên lại, hoặc xoá tệp này. Trang web vẫn giữ bản trước. (Chi tiết kỹ thuật: ${m![2]})`
      : `Không tạo được danh sách sản phẩm từ các tệp đã tải lên. Trang web vẫn giữ bản trước.`,
    detail: output,
  };
}

/** The site build failed: the file (and line) Astro names, when it names one. */
export function siteBuildFailure(output: string, root: string): Failure {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const loc = /((?:\/|content\/)[^\s:()]+\.(?:mdx?|json|ya?ml|astro|ts)):(\d+)(?::\d+)?/.exec(
    plain,
  );
  const file = loc ? shownPath(loc[1]!, root) : undefined;
  // Astro prints the reason just above "Location:"; otherwise the first error line that is not the summary.
  const lines = plain.split('\n').map((l) => l.trim());
  const at = lines.findIndex((l) => l === 'Location:');
  const error =
    (at > 0
      ? lines
          .slice(0, at)
          .reverse()
          .find((l) => l && !/^\d\d:\d\d:\d\d /.test(l))
      : undefined) ?? lines.find((l) => /error/i.test(l) && !/Build failed|^at /.test(l));
  const where = file ? `Tệp ${file}, dòng ${loc![2]}: ` : '';
  return {
    message: `${where}không dựng được trang web từ nội dung mới${error ? ` (chi tiết: ${error.slice(0, 200)})` : ''}. ${file ? FIX : 'Trang web vẫn giữ bản trước.'}`,
    detail: plain,
  };
}
