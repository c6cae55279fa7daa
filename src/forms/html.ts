/** HTML escaping for the string renderers: every value that reaches markup goes through one of these. */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and attribute values (double- or single-quoted). */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** ` name="value"` pairs for the given attributes; false/null/undefined are left out, true is a bare attribute. */
export function attrs(list: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(list)) {
    if (value === false || value == null) continue;
    out += value === true ? ` ${name}` : ` ${name}="${esc(value)}"`;
  }
  return out;
}

/** A complete noindex page shell, lang="vi": the 422 page and the service's own pages share it. `head` is trusted markup. */
export function htmlPage({
  title,
  head = '',
  body,
  siteName = 'OCOP',
}: {
  title: string;
  head?: string;
  body: string;
  siteName?: string;
}): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)} | ${esc(siteName)}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}
