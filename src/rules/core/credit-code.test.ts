import { describe, expect, it } from 'vitest';
import { creditCheckChar, orgCheckChar, parseCreditCode } from './credit-code.js';

// A valid code built with the algorithms: 9 (市场监管) 1 (企业), division 370102, organisation code.
const make = (prefix: string, division: string, orgBody: string) => {
  const first17 = `${prefix}${division}${orgBody}${orgCheckChar(orgBody)}`;
  return first17 + creditCheckChar(first17);
};

describe('GB 32100-2015 unified social credit codes', () => {
  it('accepts the standard example 91350100M000100Y43', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: { code: '91350100M000100Y43', registrationAuthority: '9', orgCategory: '1', divisionCode: '350100', orgCode: 'M000100Y4' },
    });
  });

  it('accepts a Jinan code computed by the algorithm', () => {
    const code = make('91', '370102', 'MA3C4D5E');
    expect(parseCreditCode(code)).toMatchObject({ ok: true, value: { divisionCode: '370102' } });
  });

  it('refuses a wrong check character', () => {
    expect(parseCreditCode('91350100M000100Y44')).toMatchObject({ ok: false, error: 'checksum' });
  });

  it('refuses a wrong organisation-code check character', () => {
    const first17 = '91350100M000100Y5';
    expect(parseCreditCode(first17 + creditCheckChar(first17))).toMatchObject({ ok: false, error: 'org_code' });
  });

  it('refuses the letters I, O, Z, S, V and wrong lengths', () => {
    expect(parseCreditCode('91350100M000100YO3')).toMatchObject({ ok: false, error: 'format' });
    expect(parseCreditCode('91350100M000100Y4')).toMatchObject({ ok: false, error: 'format' });
  });

  it('refuses letters where the division code stands', () => {
    const first17 = `9137A102${'MA3C4D5E'}${orgCheckChar('MA3C4D5E')}`;
    expect(parseCreditCode(first17 + creditCheckChar(first17))).toMatchObject({ ok: false, error: 'division' });
  });

  it('maps a check value of 31 to "0" (31 − sum mod 31, taken mod 31)', () => {
    // Seventeen zeros give sum 0, so the check is 31 − 0 = 31 → 0.
    expect(creditCheckChar('00000000000000000')).toBe('0');
  });
});
