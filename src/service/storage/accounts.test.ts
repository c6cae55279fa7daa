import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './accounts.ts';

describe('password hashes', () => {
  it('are salted scrypt strings that verify only the right password, whatever the Unicode form', async () => {
    const password = 'Mật khẩu của cơ quan';
    const [a, b] = await Promise.all([hashPassword(password), hashPassword(password)]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(password);
    expect(await verifyPassword(password, a)).toBe(true);
    expect(await verifyPassword(password.normalize('NFD'), a)).toBe(true);
    expect(await verifyPassword('mật khẩu của cơ quan', a)).toBe(false);
    expect(await verifyPassword(password, 'plain')).toBe(false);
  });
});
