/**
 * Reads an Atom document with a strict XML parser (sax, strict mode with namespaces: malformed XML
 * throws) and lists where it breaks RFC 4287's rules, so tests can hold the feed to them.
 */
import sax from 'sax';

const ATOM = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

interface Node {
  name: string;
  uri: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  published?: string;
  links: Record<string, string>[];
}

export interface AtomReport {
  problems: string[];
  id: string;
  updated: string;
  links: Record<string, string>[];
  entries: AtomEntry[];
}

function parse(xml: string): Node {
  const parser = sax.parser(true, { xmlns: true });
  const stack: Node[] = [];
  let root: Node | undefined;
  parser.onopentag = (tag) => {
    const t = tag as sax.QualifiedTag;
    const node: Node = {
      name: t.local,
      uri: t.uri,
      attrs: Object.fromEntries(
        Object.values(t.attributes).map((a) => [a.local || a.name, a.value]),
      ),
      children: [],
      text: '',
    };
    stack.at(-1)?.children.push(node);
    root ??= node;
    stack.push(node);
  };
  parser.ontext = (text) => {
    if (stack.length) stack.at(-1)!.text += text;
  };
  parser.onclosetag = () => void stack.pop();
  parser.onerror = (err) => {
    throw err;
  };
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

const kids = (n: Node, name: string) => n.children.filter((c) => c.uri === ATOM && c.name === name);
const isAbsoluteIri = (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s);

/** The feed's parts and every rule it breaks (empty when it keeps them all). */
export function readAtom(xml: string): AtomReport {
  const problems: string[] = [];
  if (!xml.startsWith('<?xml')) problems.push('no XML declaration');
  const feed = parse(xml);
  if (feed.name !== 'feed' || feed.uri !== ATOM)
    problems.push(`root is {${feed.uri}}${feed.name}, not an Atom feed`);
  const one = (n: Node, name: string, where: string) => {
    const found = kids(n, name);
    if (found.length !== 1)
      problems.push(`${where} has ${found.length} atom:${name}, needs exactly one`);
    return found[0]?.text.trim() ?? '';
  };
  const time = (value: string, where: string) => {
    if (!RFC3339.test(value) || Number.isNaN(Date.parse(value)))
      problems.push(`${where}: "${value}" is not an RFC 3339 date-time`);
  };
  const id = one(feed, 'id', 'feed');
  if (!isAbsoluteIri(id)) problems.push(`feed id "${id}" is not an absolute IRI`);
  one(feed, 'title', 'feed');
  const updated = one(feed, 'updated', 'feed');
  time(updated, 'feed updated');
  const links = kids(feed, 'link').map((l) => l.attrs);
  if (!links.some((l) => l.rel === 'self')) problems.push('feed has no link rel="self"');
  const feedAuthor = kids(feed, 'author').length > 0;
  const ids = new Set<string>();
  const entries = kids(feed, 'entry').map((e, i): AtomEntry => {
    const where = `entry ${i + 1}`;
    const entryId = one(e, 'id', where);
    if (!isAbsoluteIri(entryId)) problems.push(`${where} id "${entryId}" is not an absolute IRI`);
    if (ids.has(entryId)) problems.push(`${where} repeats id ${entryId}`);
    ids.add(entryId);
    const entryUpdated = one(e, 'updated', where);
    time(entryUpdated, `${where} updated`);
    const published = kids(e, 'published')[0]?.text.trim();
    if (published !== undefined) time(published, `${where} published`);
    if (!feedAuthor && kids(e, 'author').length === 0)
      problems.push(`${where} has no author and neither has the feed`);
    const entryLinks = kids(e, 'link').map((l) => l.attrs);
    if (
      kids(e, 'content').length === 0 &&
      !entryLinks.some((l) => (l.rel ?? 'alternate') === 'alternate')
    )
      problems.push(`${where} has neither content nor an alternate link`);
    if (kids(e, 'content').length === 0 && kids(e, 'summary').length === 0)
      problems.push(`${where} has neither content nor summary`);
    for (const l of entryLinks) if (!l.href) problems.push(`${where} has a link without href`);
    return {
      id: entryId,
      title: kids(e, 'title')[0]?.text ?? '',
      updated: entryUpdated,
      published,
      links: entryLinks,
    };
  });
  return { problems, id, updated, links, entries };
}
