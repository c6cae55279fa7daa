import { describe, expect, it } from 'vitest';
import { consentVersion } from './consent.ts';

describe('consentVersion', () => {
  it('is stable for the same wording, NFC or not, and changes with any change of the text', () => {
    const wording = ['Tôi đồng ý cho cơ quan xử lý thông tin', 'Tôi đồng ý công khai tên'];
    expect(consentVersion(wording)).toMatch(/^dy-[0-9a-f]{12}$/);
    expect(consentVersion(wording)).toBe(consentVersion(wording.map((t) => t.normalize('NFD'))));
    expect(consentVersion(wording)).not.toBe(
      consentVersion(['Tôi đồng ý cho cơ quan xử lý thông tin.', wording[1]!]),
    );
    expect(consentVersion(wording)).not.toBe(consentVersion([...wording].reverse()));
  });
});
