/**
 * The notices as an Atom 1.0 feed (RFC 4287), so the authority's own web portal and feed readers
 * carry each notice as it is published. Ids are the notice's page URL, which never changes (a moved
 * page redirects), so a reader never sees the same notice twice. Pure: text in, XML out.
 *
 * @example atomFeed({ title, siteUrl, selfUrl, author, entries: [{ path: '/cong-van/x/', title, summary, published, updated }] })
 */
import { VN_OFFSET_MS } from '../domain/time.ts';

/** Where the notices' feed is served. */
export const FEED_PATH = '/cong-van/feed.xml';

export interface FeedEntry {
  /** Site path of the notice page, "/cong-van/SLUG/". */
  path: string;
  title: string;
  summary: string;
  /** When it was issued. */
  published: Date;
  /** When it last changed (defaults to published). */
  updated?: Date;
  /** Who issued it (the issuing body on one line). */
  author?: string;
}

export interface FeedInput {
  title: string;
  subtitle?: string;
  /** The site's public address, "https://…/". */
  siteUrl: string;
  /** Path of the feed itself, "/cong-van/feed.xml". */
  selfPath: string;
  /** The feed's author, for entries without one (Atom requires an author for every entry). */
  author: string;
  entries: readonly FeedEntry[];
  /** Used as the feed's updated time when it has no entry. */
  fallbackUpdated: Date;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
// Characters XML 1.0 does not allow, even escaped.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for XML element content or a double-quoted attribute. */
export function xmlText(value: string): string {
  return value
    .normalize('NFC')
    .replace(NOT_XML, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** RFC 3339 in Vietnam's time (+07:00), as every time the project shows. */
export function rfc3339Vn(d: Date): string {
  return new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 19) + '+07:00';
}

export function atomFeed(input: FeedInput): string {
  const abs = (path: string) => new URL(path, input.siteUrl).href;
  const entries = [...input.entries].sort((a, b) => b.published.getTime() - a.published.getTime());
  const updatedOf = (e: FeedEntry) => e.updated ?? e.published;
  const newest = entries.reduce((max, e) => Math.max(max, updatedOf(e).getTime()), -Infinity);
  const feedUpdated = Number.isFinite(newest) ? new Date(newest) : input.fallbackUpdated;
  const items = entries.map(
    (e) => `  <entry>
    <id>${xmlText(abs(e.path))}</id>
    <title type="text">${xmlText(e.title)}</title>
    <link rel="alternate" type="text/html" hreflang="vi" href="${xmlText(abs(e.path))}"/>
    <published>${rfc3339Vn(e.published)}</published>
    <updated>${rfc3339Vn(updatedOf(e))}</updated>
    <summary type="text">${xmlText(e.summary)}</summary>
${e.author ? `    <author><name>${xmlText(e.author)}</name></author>\n` : ''}  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <id>${xmlText(abs(input.selfPath))}</id>
  <title type="text">${xmlText(input.title)}</title>
${input.subtitle ? `  <subtitle type="text">${xmlText(input.subtitle)}</subtitle>\n` : ''}  <updated>${rfc3339Vn(feedUpdated)}</updated>
  <author><name>${xmlText(input.author)}</name></author>
  <link rel="self" type="application/atom+xml" href="${xmlText(abs(input.selfPath))}"/>
  <link rel="alternate" type="text/html" hreflang="vi" href="${xmlText(abs('/'))}"/>
${items.join('\n')}${items.length ? '\n' : ''}</feed>
`;
}
