import { describe, expect, it } from 'vitest';
import { barChartSvg } from './bar-chart.ts';

describe('barChartSvg', () => {
  it('draws one bar per item, proportional to the largest, with its value', () => {
    const svg = barChartSvg([{ label: 'Quảng Sơn', value: 4 }, { label: 'Đắk Ha', value: 2 }, { label: 'Đắk Som', value: 0 }], 'Số sản phẩm theo xã');
    expect(svg).toContain('<title>Số sản phẩm theo xã</title>');
    expect([...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => +m[1]!)).toEqual([240, 120, 0]);
    expect(svg).toContain('>Quảng Sơn</text>');
  });
  it('escapes labels', () => {
    const svg = barChartSvg([{ label: '<script>x</script> & "y"', value: 1 }], 'a<b');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;script&#62;x&#60;/script&#62; &#38; &#34;y&#34;');
    expect(svg).toContain('<title>a&#60;b</title>');
  });
});
