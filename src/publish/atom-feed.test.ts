// The Atom feed builder, read back by a strict XML parser and held to RFC 4287's rules.
import { describe, expect, it } from 'vitest';
import { readAtom } from '../../tests/support/atom.ts';
import { atomFeed, rfc3339Vn, type FeedInput } from './atom-feed.ts';

const base: FeedInput = {
  title: 'Công văn về chương trình OCOP',
  siteUrl: 'https://ocop.example.vn/',
  selfPath: '/cong-van/feed.xml',
  author: 'Văn phòng tiếp nhận',
  fallbackUpdated: new Date(0),
  entries: [
    {
      path: '/cong-van/a/',
      title: 'Đăng ký <OCOP> & "hỗ trợ"',
      summary: 'Tóm tắt\u0007 có ký tự lạ',
      published: new Date('2024-03-01T00:00:00+07:00'),
      author: 'ỦY BAN NHÂN DÂN',
    },
    {
      path: '/cong-van/b/',
      title: 'Công văn sau',
      summary: 'Sau',
      published: new Date('2025-01-02T00:00:00+07:00'),
      updated: new Date('2025-02-03T08:00:00+07:00'),
    },
  ],
};

describe('atomFeed', () => {
  it("is well-formed Atom that keeps every rule; ids are the pages' absolute URLs, newest first", () => {
    const report = readAtom(atomFeed(base));
    expect(report.problems).toEqual([]);
    expect(report.id).toBe('https://ocop.example.vn/cong-van/feed.xml');
    expect(report.links).toContainEqual({
      rel: 'self',
      type: 'application/atom+xml',
      href: 'https://ocop.example.vn/cong-van/feed.xml',
    });
    expect(report.entries.map((e) => e.id)).toEqual([
      'https://ocop.example.vn/cong-van/b/',
      'https://ocop.example.vn/cong-van/a/',
    ]);
    expect(report.entries[1]!.title).toBe('Đăng ký <OCOP> & "hỗ trợ"');
    expect(report.entries[1]!.links).toContainEqual(
      expect.objectContaining({ rel: 'alternate', href: 'https://ocop.example.vn/cong-van/a/' }),
    );
  });

  it('the feed is as new as its newest entry; an entry is updated when it says so, else when issued', () => {
    const report = readAtom(atomFeed(base));
    expect(report.updated).toBe('2025-02-03T08:00:00+07:00');
    expect(report.entries.map((e) => [e.published, e.updated])).toEqual([
      ['2025-01-02T00:00:00+07:00', '2025-02-03T08:00:00+07:00'],
      ['2024-03-01T00:00:00+07:00', '2024-03-01T00:00:00+07:00'],
    ]);
  });

  it('the same input gives the same bytes (stable ids and times between builds)', () => {
    expect(atomFeed(base)).toBe(atomFeed({ ...base, entries: [...base.entries].reverse() }));
  });

  it('with no notice it is still a valid feed', () => {
    const report = readAtom(atomFeed({ ...base, entries: [] }));
    expect(report.problems).toEqual([]);
    expect(report.entries).toEqual([]);
  });

  it('the rule checker itself catches a broken feed', () => {
    const broken = atomFeed(base)
      .replace(/<updated>[^<]*<\/updated>\n  <author>/, '<author>')
      .replace(
        '<id>https://ocop.example.vn/cong-van/b/</id>',
        '<id>https://ocop.example.vn/cong-van/a/</id>',
      );
    expect(readAtom(broken).problems).toEqual(
      expect.arrayContaining([
        'feed has 0 atom:updated, needs exactly one',
        'entry 2 repeats id https://ocop.example.vn/cong-van/a/',
      ]),
    );
    expect(() => readAtom(atomFeed(base).replace('&amp;', '&'))).toThrow();
  });

  it('writes RFC 3339 in +07:00', () => {
    expect(rfc3339Vn(new Date('2024-03-24T17:00:00Z'))).toBe('2024-03-25T00:00:00+07:00');
  });
});
