/**
 * 统一社会信用代码 (GB 32100-2015): registration authority (1), organisation category (1),
 * division code (6), organisation code (9, GB 11714 with its own check character) and a
 * check character over the first 17 (MOD 31).
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type CreditCodeInfo = {
  code: string;
  registrationAuthority: string;
  orgCategory: string;
  divisionCode: string;
  orgCode: string;
};

export type CreditCodeErrorCode = 'format' | 'division' | 'org_code' | 'checksum';

export type CreditCodeResult =
  | { ok: true; value: CreditCodeInfo }
  | { ok: false; error: CreditCodeErrorCode; message_zh: string; message_en: string };

const MESSAGES: Record<CreditCodeErrorCode, [string, string]> = {
  format: ['统一社会信用代码须为18位，且不含I、O、Z、S、V', 'a unified social credit code has 18 characters without I, O, Z, S, V'],
  division: ['统一社会信用代码第3至8位须为行政区划代码', 'characters 3 to 8 must be a division code'],
  org_code: ['统一社会信用代码中的组织机构代码校验码错误', 'the check character of the embedded organisation code is wrong'],
  checksum: ['统一社会信用代码校验码错误', 'the check character of the credit code is wrong'],
};

/** The check character (18th) for the first 17 characters. */
export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) throw new RangeError(`creditCheckChar: "${first17[i]}" is not in the GB 32100 charset`);
    sum += v * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character for the 8-character body of an organisation code. */
export function orgCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const fail = (error: CreditCodeErrorCode): CreditCodeResult => ({ ok: false, error, message_zh: MESSAGES[error][0], message_en: MESSAGES[error][1] });

/** Validates a unified social credit code (uppercase) and splits it into its parts. */
export function parseCreditCode(input: string): CreditCodeResult {
  const code = input.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return fail('format');
  const divisionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(divisionCode)) return fail('division');
  const orgCode = code.slice(8, 17);
  if (orgCheckChar(orgCode.slice(0, 8)) !== orgCode[8]) return fail('org_code');
  if (creditCheckChar(code.slice(0, 17)) !== code[17]) return fail('checksum');
  return { ok: true, value: { code, registrationAuthority: code[0]!, orgCategory: code[1]!, divisionCode, orgCode } };
}
