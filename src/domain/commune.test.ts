import { describe, expect, it } from 'vitest';
import { readSiteContent } from './content-files-node.ts';
import { communeResolver } from './commune.ts';

const resolve = communeResolver(readSiteContent().communes);
const slugOf = (v: string) => resolve(v)?.slug;

describe('communeResolver', () => {
  it.each([
    ['quang-son', 'quang-son'],
    ['Quảng Hoà', 'quang-hoa'],
    ['Quảng Hòa', 'quang-hoa'],
    ['xã Quảng Hòa', 'quang-hoa'],
    ['XÃ QUẢNG HOÀ', 'quang-hoa'],
    ['quang hoa', 'quang-hoa'],
    ['Quảng Hoà (20902)', 'quang-hoa'],
    ['20902', 'quang-hoa'],
    ['Đăk Ha', 'dak-ha'],
    ['Xã Đắk Ha', 'dak-ha'],
    ["Đắk R'Măng", 'dak-r-mang'],
    ['Đắk Rmăng', 'dak-r-mang'],
    ["Đăk R'Măng", 'dak-r-mang'],
    ['dak rmang', 'dak-r-mang'],
    ['Quảng Khê'.normalize('NFD'), 'quang-khe'],
    ['  xã   Đăk Plao ', 'dak-plao'],
    ['Dak Som', 'dak-som'],
  ])('%s → %s', (input, slug) => {
    expect(slugOf(input)).toBe(slug);
  });

  it('knows no other commune', () => {
    expect(resolve('Quảng Tín')).toBeUndefined();
    expect(resolve('')).toBeUndefined();
    expect(resolve('xã')).toBeUndefined();
  });

  it('finds a slug written exactly as that commune, even where another commune has a form that folds alike', () => {
    const communes = [
      { slug: 'dak-ha', name: 'Đắk Ha', gsoCode: '20905', aliases: [], order: 1 },
      { slug: 'dak-ha-moi', name: 'Đắk Hà Mới', gsoCode: '20999', aliases: ['Dak-Ha'], order: 2 },
    ];
    const r = communeResolver(communes);
    expect(r('dak-ha')?.slug).toBe('dak-ha');
    expect(r('Đắk Hà Mới')?.slug).toBe('dak-ha-moi');
    expect(r('dak-ha-moi')?.slug).toBe('dak-ha-moi');
  });
});
