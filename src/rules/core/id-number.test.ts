import { describe, expect, it } from 'vitest';
import { idCheckCode, parseIdNumber } from './id-number.js';

// A valid number computed with the algorithm: division 370102 (济南市历下区), birth, sequence.
const make = (division: string, birth: string, seq: string) => {
  const body = `${division}${birth.replaceAll('-', '')}${seq}`;
  return body + idCheckCode(body);
};

describe('GB 11643-1999 ID numbers', () => {
  it('accepts the standard example 11010519491231002X: female, born 1949-12-31', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', divisionCode: '110105' },
    });
  });

  it('reads a Jinan number computed by the algorithm: odd sequence digit is male', () => {
    const id = make('370102', '1965-05-20', '123');
    const r = parseIdNumber(id);
    expect(r).toEqual({ ok: true, value: { idNumber: id, birthDate: '1965-05-20', sex: 'male', divisionCode: '370102' } });
  });

  it('accepts a lowercase x and returns it uppercase', () => {
    const r = parseIdNumber('11010519491231002x');
    expect(r.ok && r.value.idNumber).toBe('11010519491231002X');
  });

  it('refuses a wrong check digit', () => {
    const r = parseIdNumber('110105194912310021');
    expect(r).toMatchObject({ ok: false, error: 'checksum', message_zh: '身份证号校验码错误' });
  });

  it('refuses 15-digit, 19-character and letter-bearing numbers as format errors', () => {
    expect(parseIdNumber('110105491231002')).toMatchObject({ ok: false, error: 'format' });
    expect(parseIdNumber('11010519491231002X1')).toMatchObject({ ok: false, error: 'format' });
    expect(parseIdNumber('1101051949123100AX')).toMatchObject({ ok: false, error: 'format' });
  });

  it('refuses an impossible birth date even with a correct check digit', () => {
    expect(parseIdNumber(make('370102', '2023-02-29', '001'))).toMatchObject({ ok: false, error: 'birth_date' });
    expect(parseIdNumber(make('370102', '1899-12-31', '001'))).toMatchObject({ ok: false, error: 'birth_date' });
  });

  it('refuses a division code outside the provinces of GB/T 2260', () => {
    expect(parseIdNumber(make('990102', '1980-01-01', '001'))).toMatchObject({ ok: false, error: 'division' });
    expect(parseIdNumber(make('370000', '1980-01-01', '001'))).toMatchObject({ ok: false, error: 'division' });
  });

  it('computes the check code with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 and codes 10X98765432', () => {
    expect(idCheckCode('11010519491231002')).toBe('X');
    expect(idCheckCode('44052418800101001')).toBe('4');
  });
});
