import { describe, expect, it } from 'vitest';
import { readSiteContent } from '../domain/content-files-node.ts';
import { REGISTRATION_FIELDS, SUPPORT_NEEDS } from '../domain/registration-fields.ts';
import { renderErrorSummary } from './error-summary.ts';
import { renderRegistrationForm, type FormValues } from './render-form.ts';

const content = readSiteContent();
const NOW = new Date('2024-03-10T09:00:00+07:00');
const render = (values: FormValues = {}, errors: { field: string; message: string }[] = []) =>
  renderRegistrationForm({ values, errors, content, now: NOW });

/** The opening tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const m = html.match(
    new RegExp(`<(input|select|textarea|fieldset|div)\\b[^>]*\\sid="${id}"[^>]*>`),
  );
  if (!m) throw new Error(`no element #${id}`);
  return m[0];
}
const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

describe('renderRegistrationForm', () => {
  it('posts to the service without JavaScript, with every field of docs/contracts.md by name', () => {
    const html = render();
    expect(html).toMatch(/<form id="dang-ky"[^>]* method="post" action="\/api\/registrations"/);
    for (const name of [...Object.keys(REGISTRATION_FIELDS), 'website', 'submissionId'])
      expect(html, name).toContain(`name="${name}"`);
    expect(
      renderRegistrationForm({
        values: {},
        errors: [],
        content,
        now: NOW,
        action: 'https://api.example/dk',
      }),
    ).toContain('action="https://api.example/dk"');
  });

  it('has unique ids and a real label for every text control', () => {
    const html = render();
    const all = ids(html);
    expect(new Set(all).size).toBe(all.length);
    for (const m of html.matchAll(/<(?:input|select|textarea)\b[^>]*\sid="([^"]+)"[^>]*>/g)) {
      if (m[0].includes('type="hidden"')) continue;
      expect(html, m[1]).toContain(`for="${m[1]}"`);
    }
  });

  it('uses autocomplete, inputmode and the length limits of the domain', () => {
    const html = render();
    expect(tagWithId(html, 'producerName')).toContain('autocomplete="organization"');
    expect(tagWithId(html, 'representative')).toContain('autocomplete="name"');
    expect(tagWithId(html, 'phone')).toMatch(
      /type="tel".*maxlength="30".*autocomplete="tel".*inputmode="tel"/,
    );
    expect(tagWithId(html, 'email')).toMatch(/type="email".*inputmode="email"/);
    expect(tagWithId(html, 'address')).toContain('autocomplete="address-line1"');
    expect(tagWithId(html, 'description')).toContain(
      `maxlength="${REGISTRATION_FIELDS.description.max}"`,
    );
  });

  it('hides the honeypot from people and assistive tech without display:none', () => {
    const html = render();
    const hp = html.match(/<div class="hp" aria-hidden="true">.*?<\/div>/)?.[0] ?? '';
    expect(hp).toMatch(
      /<input id="website" name="website"[^>]*tabindex="-1"[^>]*autocomplete="off"/,
    );
    expect(html).not.toContain('display:none');
  });

  it('escapes every value typed, in attributes and in text', () => {
    const evil = '"><script>alert(1)</script>';
    const html = render({
      producerName: evil,
      description: '</textarea><script>x()</script>',
      supportNeeds: ['<b>khác</b>'],
      submissionId: '"x',
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(tagWithId(html, 'producerName')).toContain(
      'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"',
    );
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;x()&lt;/script&gt;</textarea>');
    expect(html).toContain('name="submissionId" value="&quot;x"');
  });

  it('re-fills text, radios, the commune select, every support need and the consents', () => {
    const html = render({
      producerName: 'HTX Cà phê Quảng Sơn',
      producerType: 'hop-tac-xa',
      commune: 'xã Quảng Hòa',
      productGroup: 'do-uong',
      productStage: 'da-co',
      supportNeeds: [SUPPORT_NEEDS[0], SUPPORT_NEEDS[5], 'Máy rang cà phê'],
      consentProcessing: 'on',
    });
    expect(tagWithId(html, 'producerName')).toContain('value="HTX Cà phê Quảng Sơn"');
    const checked = [...html.matchAll(/<input\b[^>]*\schecked[^>]*>/g)].map(
      (m) => m[0].match(/value="([^"]*)"/)?.[1],
    );
    expect(checked).toEqual([
      'hop-tac-xa',
      'do-uong',
      'da-co',
      SUPPORT_NEEDS[0],
      SUPPORT_NEEDS[5],
      'on',
    ]);
    expect(html).toMatch(/<option value="quang-hoa" selected>Quảng Hoà<\/option>/);
    expect(tagWithId(html, 'supportNeeds-khac')).toContain('value="Máy rang cà phê"');
    expect(html).toMatch(/id="consentPublishName"(?![^>]*checked)[^>]*>/);
  });

  it('shows each error in its field group, described by the control', () => {
    const html = render({}, [
      { field: 'phone', message: 'Vui lòng nhập số điện thoại' },
      { field: 'productGroup', message: 'Vui lòng chọn nhóm sản phẩm' },
      { field: 'consentProcessing', message: 'Cần đồng ý' },
    ]);
    expect(tagWithId(html, 'phone')).toMatch(
      /aria-describedby="phone-hint phone-error".*aria-invalid="true"/,
    );
    expect(html).toContain(
      '<p id="phone-error" class="error-message"><span class="visually-hidden">Lỗi: </span>Vui lòng nhập số điện thoại</p>',
    );
    expect(html).toMatch(/<fieldset class="fieldset" aria-describedby="productGroup-error"/);
    expect(tagWithId(html, 'consentProcessing')).toContain(
      'aria-describedby="consentProcessing-error"',
    );
    expect(html.match(/form-group--error/g)).toHaveLength(3);
    expect(tagWithId(html, 'email')).not.toContain('aria-invalid');
  });

  it('tells which round a registration counts for at the given time', () => {
    expect(render()).toContain('được xét trong <strong>Đợt 1</strong> (hạn trước ngày 25/3/2024)');
    const june = renderRegistrationForm({
      values: {},
      errors: [],
      content,
      now: new Date('2024-03-25T00:00:00+07:00'),
    });
    expect(june).toContain('<strong>Đợt 2</strong>');
    const late = renderRegistrationForm({
      values: {},
      errors: [],
      content,
      now: new Date('2024-06-25T00:00:00+07:00'),
    });
    expect(late).toContain('<strong>Đợt tiếp theo</strong>');
  });
});

describe('renderErrorSummary', () => {
  it('links each error to an element of the form', () => {
    const errors = [
      { field: 'producerType', message: 'Vui lòng chọn loại hình chủ thể' },
      { field: 'supportNeeds', message: 'Chọn tối đa 20 nhu cầu hỗ trợ' },
      { field: 'commune', message: 'Không có xã "<x>" trong danh sách' },
    ];
    const summary = renderErrorSummary(errors);
    const formIds = ids(render());
    const hrefs = [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['producerType', 'supportNeeds', 'commune']);
    for (const h of hrefs) expect(formIds).toContain(h);
    expect(summary).toContain('Không có xã &quot;&lt;x&gt;&quot;');
    expect(summary).not.toContain(' hidden');
  });

  it('is an empty hidden container when there is nothing to fix, and lists a fieldless error without a link', () => {
    expect(renderErrorSummary([])).toMatch(/^<div id="tom-tat-loi"[^>]* hidden>/);
    expect(renderErrorSummary([{ field: '', message: 'Dữ liệu quá lớn' }])).toContain(
      '<li>Dữ liệu quá lớn</li>',
    );
  });
});
