import { describe, expect, it } from 'vitest';
import { checkChar, readIdNumber } from './idNumber';

describe('GB 11643 ID number in the browser', () => {
  it('accepts the standard example and reads birth date and sex', () => {
    // 11010519491231002X is the example of GB 11643-1999
    expect(readIdNumber('11010519491231002x')).toEqual({ valid: true, birthDate: '1949-12-31', sex: 'female', region: '110105' });
  });
  it('rejects a wrong check digit', () => {
    const r = readIdNumber('110105194912310021');
    expect(r.valid).toBe(false);
  });
  it('rejects an impossible birth date', () => {
    const first = '37010219900230001';
    expect(readIdNumber(first + checkChar(first)).valid).toBe(false);
  });
  it('reads a male number', () => {
    const first = '37010219650520001';
    const r = readIdNumber(first + checkChar(first));
    expect(r).toMatchObject({ valid: true, birthDate: '1965-05-20', sex: 'male' });
  });
});
