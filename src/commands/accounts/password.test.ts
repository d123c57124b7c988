import { describe, expect, it } from 'vitest';
import { checkPassword, checkUsername, hashPassword, normalizeUsername, verifyPassword } from './password.js';

describe('password policy', () => {
  it('accepts 8 or more characters with letters and digits', () => {
    expect(checkPassword('family2025')).toBeNull();
    expect(checkPassword('泉城安居2025年')).toBeNull();
  });
  it('refuses fewer than 8 characters, naming the password field in both languages', () => {
    expect(checkPassword('ab12cd3')).toMatchObject({ field: 'password', code: 'WEAK_PASSWORD', zh: expect.stringContaining('8'), en: expect.stringContaining('8') });
  });
  it('refuses letters only and digits only', () => {
    expect(checkPassword('abcdefghij')?.zh).toBe('密码须同时包含字母和数字。');
    expect(checkPassword('1234567890')?.en).toBe('The password must contain both letters and digits.');
  });
  it('refuses more than 128 characters', () => {
    expect(checkPassword(`a1${'x'.repeat(127)}`)?.code).toBe('WEAK_PASSWORD');
  });
});

describe('usernames', () => {
  it('are folded to lower case and trimmed', () => {
    expect(normalizeUsername('  ZhangWei ')).toBe('zhangwei');
  });
  it('accept a phone number or a name of 3–32 characters and refuse others', () => {
    expect(checkUsername('13800138000')).toBeNull();
    expect(checkUsername('li.na_2')).toBeNull();
    expect(checkUsername('ab')?.field).toBe('username');
    expect(checkUsername('has space')?.field).toBe('username');
    expect(checkUsername('-leading')?.field).toBe('username');
  });
});

describe('argon2id', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword('family2025');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'family2025')).toBe(true);
    expect(await verifyPassword(h, 'family2026')).toBe(false);
    expect(await verifyPassword('not a hash', 'family2025')).toBe(false);
  });
});
