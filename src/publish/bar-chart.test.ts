import { describe, expect, it } from 'vitest';
import { barChartSvg } from './bar-chart.ts';

describe('barChartSvg', () => {
  it('draws one bar per item, proportional to the largest, with its value', () => {
    const svg = barChartSvg(
      [
        { label: 'Quảng Sơn', value: 4 },
        { label: 'Đắk Ha', value: 2 },
        { label: 'Đắk Som', value: 0 },
      ],
      'Số sản phẩm theo xã',
    );
    expect(svg).toContain('<title>Số sản phẩm theo xã</title>');
    expect([...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => +m[1]!)).toEqual([150, 75, 0]);
    expect(svg).toContain('>Quảng Sơn</text>');
  });
  it('shortens long labels with an ellipsis', () => {
    expect(
      barChartSvg([{ label: 'Dịch vụ du lịch cộng đồng, du lịch sinh thái', value: 1 }], 't'),
    ).toContain('>Dịch vụ du lịch cộng …</text>');
  });
  it('escapes labels', () => {
    const svg = barChartSvg([{ label: '<i>x</i> & "y"', value: 1 }], 'a<b');
    expect(svg).not.toContain('<i>');
    expect(svg).toContain('&#60;i&#62;x&#60;/i&#62; &#38; &#34;y&#34;');
    expect(svg).toContain('<title>a&#60;b</title>');
  });
});
