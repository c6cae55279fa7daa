import { describe, expect, it } from 'vitest';
import { readSiteContent } from '../domain/content-files-node.ts';
import { makeRegistrationSchema, parseRegistration } from '../domain/registration.ts';
import { renderInvalidPage } from './invalid-page.ts';

const content = readSiteContent();
const schema = makeRegistrationSchema(content);

describe('renderInvalidPage', () => {
  const values = {
    producerName: 'Hộ ông <A>',
    phone: '123',
    commune: 'dak-som',
    supportNeeds: ['Vốn, tín dụng', ''],
    website: '',
  };
  const result = parseRegistration(schema, values);
  if (result.ok) throw new Error('expected errors');
  const html = renderInvalidPage({
    values,
    errors: result.errors,
    content,
    now: new Date('2024-04-01T08:00:00+07:00'),
  });

  it('is a whole Vietnamese page with its styles inline and nothing loaded from elsewhere', () => {
    expect(html).toMatch(/^<!doctype html>\s*<html lang="vi">/);
    expect(html).toContain('<title>Lỗi: Đăng ký sản phẩm OCOP');
    expect(html).toMatch(/<style>[^<]*\.error-summary\{/);
    expect(html).toMatch(/<style>[^<]*--brand:/);
    expect(html).not.toMatch(/<link\b[^>]*stylesheet|<script\b|src="/);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  });

  it('puts the focused error summary before the heading, with one link per problem', () => {
    const summaryAt = html.indexOf('id="tom-tat-loi"');
    expect(summaryAt).toBeGreaterThan(0);
    expect(summaryAt).toBeLessThan(html.indexOf('<h1'));
    expect(html.slice(summaryAt - 5, html.indexOf('>', summaryAt))).toContain('autofocus');
    const links = [...html.matchAll(/<li><a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual(result.errors.map((e) => e.field));
    expect(links).toContain('phone');
    for (const id of links) expect(html).toContain(`id="${id}"`);
  });

  it('keeps what was typed, escaped', () => {
    expect(html).toContain('value="Hộ ông &lt;A&gt;"');
    expect(html).toContain('value="123"');
    expect(html).toMatch(/<option value="dak-som" selected>/);
    expect(html).toMatch(/value="Vốn, tín dụng" checked/);
    expect(html).toContain(`${result.errors.length} mục cần sửa`);
  });
});
