import { describe, expect, it } from 'vitest';
import { readSiteContent } from '../domain/content-files-node.ts';
import { roundsCalendar } from './calendar.ts';

const rounds = [
  {
    slug: '2024-dot-1',
    label: 'Đợt 1',
    order: 1,
    deadline: '2024-03-25T00:00:00+07:00',
    deadlineText: 'trước ngày 25/3/2024',
    notice: 'x',
  },
  {
    slug: '2024-dot-2',
    label: 'Đợt 2',
    order: 2,
    deadline: '2024-06-25T00:00:00+07:00',
    deadlineText: 'trước ngày 25/6/2024',
    notice: 'x',
  },
];
const ics = roundsCalendar(rounds, {
  siteUrl: 'https://ocop.example/',
  office: 'Phòng Nông nghiệp và Phát triển nông thôn, thôn 1; xã Quảng Khê',
  stamp: new Date('2024-03-01T00:00:00Z'),
  authority: readSiteContent().authority,
});

describe('roundsCalendar', () => {
  it('has one all-day event on the last day of each round', () => {
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('DTSTART;VALUE=DATE:20240324');
    expect(ics).toContain('DTEND;VALUE=DATE:20240325');
    expect(ics).toContain('DTSTART;VALUE=DATE:20240624');
  });

  it('uses CRLF and folds lines at 75 octets without breaking characters', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Ngày cuối đăng ký OCOP Đợt 1 (trước ngày 25/3/2024)');
    expect(unfolded).not.toContain('\uFFFD');
  });

  it('escapes commas and semicolons in text', () => {
    expect(ics.replace(/\r\n /g, '')).toContain('thôn 1\\; xã Quảng Khê');
  });
});
